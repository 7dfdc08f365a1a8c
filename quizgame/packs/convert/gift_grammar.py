"""The grammar of one GIFT question, for lark's LALR parser.

A GIFT file is split into questions at blank lines (as Moodle does) before this grammar
sees them, so a mistake in one question is reported and the others are still read.

Terminals are matched by lark's contextual lexer, which only tries the terminals the parser
can accept at that point: `=` is text in a question's stem and an answer mark inside
`{...}`. Where two terminals could match, the higher priority wins.
"""

from __future__ import annotations

GRAMMAR = r"""
?start: category | question | description

category: CATEGORY
description: TITLE? stem
question: TITLE? stem? "{" answers "}" tail?

stem: FORMAT? TEXT+ | FORMAT
tail: FORMAT? TEXT+

?answers: choice+ general?                      -> choices
        | bare feedback? feedback? general?     -> bare
        | HASH numeric? general?                -> numerical
        | general?                              -> essay

choice: MARK WEIGHT? FORMAT? part* feedback?
bare: FORMAT? ATEXT part*
?part: ATEXT | ARROW
numeric: ATEXT | choice+
feedback: HASH FORMAT? part*
general: GENERAL FORMAT? part*

// An escape is a backslash and the next character; a backslash before a line break, or
// before a character with no meaning, is a backslash.
CATEGORY.5: /\$CATEGORY:[^\n]*/
TITLE.4: /::(?:\\[^\n]?|[^:\\]|:(?!:))*::/
FORMAT.4: /\[(?:html|moodle|plain|markdown)\]/
COMMENT.6: /(?m:^)[ \t]*\/\/[^\n]*/
GENERAL.3: "####"
HASH.2: "#"
WEIGHT.3: /%[^%\n]*%/
MARK.2: /[=~]/
ARROW.2: "->"
// Text runs to the next control character; it may go on over line breaks, but not onto
// a comment line. It never starts with a space (spaces between tokens are ignored).
TEXT: /(?:\\[^\n]?|[^\\{}\s])(?:\\[^\n]?|[^\\{}\n]|\n(?![ \t]*\/\/))*/
ATEXT: /(?:\\[^\n]?|[^\\{}=~#\s-]|-(?!>))(?:\\[^\n]?|[^\\{}=~#\n-]|-(?!>)|\n(?![ \t]*\/\/))*/
SPACE: /[ \t]+/
NEWLINE: /\n/

%ignore SPACE
%ignore NEWLINE
%ignore COMMENT
"""
