"""`quizgame lint PATH...`: what a careful reviewer would find in valid packs.

Prints `path:LINE:COL: QGnnn rule-name: message` for every finding, then a summary line; a
pack that does not validate gets its problems instead, as `quizgame validate` prints them.
`--format json` gives the same for editors and CI. Exit status: 0 when nothing was found,
1 when any pack has findings or problems, 2 when a path does not exist or a folder holds no
pack files. docs/lint.md explains every rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quizgame.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from quizgame.commands.validate import pack_paths
from quizgame.safe_text import escaped


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    from quizgame.packs.lint.run import lint_path

    files, errors = pack_paths(list(args.paths))
    if errors:
        for error in errors:
            print(f"quizgame lint: {escaped(error)}", file=sys.stderr)
        return EXIT_USAGE
    reports = [lint_path(path) for path in files]
    if args.format == "json":
        json.dump(_as_json(reports), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print(reports, show_silenced=args.show_silenced)
    failed = any(report.problems or report.findings for report in reports)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _line(path: Path, finding: Any) -> str:
    return f"{escaped(str(path))}:{finding.line}:{finding.col}: {finding.code} {finding.rule}: {escaped(finding.message)}"


def _print(reports: list[Any], *, show_silenced: bool) -> None:
    for report in reports:
        for problem in report.problems:
            print(problem)
        for finding in report.findings:
            print(_line(report.path, finding))
        if show_silenced:
            for silenced in report.silenced:
                reason = escaped(silenced.because) if silenced.because else "no reason given"
                print(f"{_line(report.path, silenced.finding)} (silenced: {reason})")
    print(_summary(reports))


def _summary(reports: list[Any]) -> str:
    linted = _plural(len(reports), "pack")
    invalid = [r for r in reports if r.problems]
    with_findings = [r for r in reports if r.findings]
    clean = len(reports) - len(invalid) - len(with_findings)
    silenced = sum(len(r.silenced) for r in reports)
    if not invalid and not with_findings:
        text = f"{linted} linted: no findings"
    else:
        parts = [f"{clean} clean"]
        if with_findings:
            findings = sum(len(r.findings) for r in with_findings)
            parts.append(f"{len(with_findings)} with {_plural(findings, 'finding')}")
        if invalid:
            problems = sum(len(r.problems) for r in invalid)
            parts.append(f"{len(invalid)} invalid with {_plural(problems, 'problem')}")
        text = f"{linted} linted: {', '.join(parts)}"
    if silenced:
        text += f" ({silenced} silenced)"
    return text


def _finding(finding: Any) -> dict[str, Any]:
    return {
        "line": finding.line,
        "col": finding.col,
        "code": finding.code,
        "rule": finding.rule,
        "message": finding.message,
        "question": finding.question,
    }


def _as_json(reports: list[Any]) -> dict[str, Any]:
    return {
        "packs": [
            {
                "path": str(report.path),
                "valid": not report.problems,
                "problems": [
                    {"line": p.line, "col": p.col, "message": p.message} for p in report.problems
                ],
                "findings": [_finding(f) for f in report.findings],
                "silenced": [
                    _finding(s.finding) | {"because": s.because} for s in report.silenced
                ],
            }
            for report in reports
        ],
        "summary": _summary(reports),
    }
