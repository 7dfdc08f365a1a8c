// The browser's side of the classroom: the same protocol as `quizgame join` (docs/live.md).
// Everything from the host (pack text, names, messages) is set with textContent: it is
// shown as written and never read as markup. The host's clock decides; this page only
// counts down from the time the host says is left.
"use strict";

(function () {
  const PROTOCOL = 1;
  const SYMBOLS = "▲◆●■★✚♣♠♥";
  const SEAT = "quizgame.seat"; // sessionStorage: the rejoin token of this tab's player
  const $ = (id) => document.getElementById(id);

  const state = {
    ws: null,
    seat: loadSeat(),
    welcome: null,
    question: null, // the open question's message
    answered: false,
    deadline: null, // performance.now() at which the host's time runs out
    left: null, // seconds left while paused
    paused: false,
    timesUp: false,
    ticker: null,
    screen: "join",
    finished: false, // the final screen is showing: it stays, whatever follows
    over: false, // refused, ended: no reconnecting
    retries: 0,
    retryTimer: null,
  };

  // -- small helpers ------------------------------------------------------------------------

  function loadSeat() {
    try {
      const seat = JSON.parse(sessionStorage.getItem(SEAT) || "null");
      return seat && typeof seat.token === "string" && typeof seat.pin === "string" ? seat : null;
    } catch (error) {
      return null;
    }
  }

  function saveSeat(seat) {
    state.seat = seat;
    try {
      if (seat) sessionStorage.setItem(SEAT, JSON.stringify(seat));
      else sessionStorage.removeItem(SEAT);
    } catch (error) {
      // Storage refused (a private window's quota): rejoining by name still works.
    }
  }

  function text(id, value) {
    $(id).textContent = value == null ? "" : String(value);
  }

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = String(content);
    return node;
  }

  function announce(message) {
    // Cleared first, so the same words twice are still read twice.
    const region = $("announce");
    region.textContent = "";
    window.setTimeout(() => { region.textContent = message; }, 30);
  }

  function number(value) {
    return Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(1);
  }

  function ordinal(n) {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th");
    return n + suffix;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function notice(message) {
    const node = $("notice");
    node.textContent = message || "";
    node.hidden = !message;
  }

  function show(name, focus) {
    for (const screen of document.querySelectorAll(".screen")) {
      screen.hidden = screen.id !== "screen-" + name;
    }
    state.screen = name;
    const target = focus || document.querySelector("#screen-" + name + " h1");
    if (target) target.focus({ preventScroll: false });
  }

  function wait(title, message) {
    text("wait-title", title);
    text("wait-text", message);
    show("wait");
  }

  function header() {
    const welcome = state.welcome;
    text("pack-title", welcome ? welcome.pack_title : "quizgame");
    text("player", welcome ? welcome.player : "");
  }

  function showScore(score) {
    text("score", "Score " + number(score));
  }

  // -- the connection -----------------------------------------------------------------------

  function connect(pin, name) {
    window.clearTimeout(state.retryTimer);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(scheme + "//" + location.host + "/ws");
    state.ws = ws;
    state.over = false;
    ws.addEventListener("open", () => {
      send({
        type: "hello",
        protocol: PROTOCOL,
        pin: pin,
        name: name,
        token: state.seat && state.seat.pin === pin ? state.seat.token : null,
        client: "quizgame web",
      });
    });
    ws.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (message && typeof message.type === "string") receive(message);
    });
    ws.addEventListener("close", () => {
      if (state.ws !== ws) return;
      state.ws = null;
      lost();
    });
  }

  function send(message) {
    if (state.ws && state.ws.readyState === WebSocket.OPEN) {
      state.ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  function lost() {
    if (state.over || state.finished) return;
    if (!state.seat) {
      joinForm("The connection to the host was lost. Check the address and try again.");
      return;
    }
    // Dropped (Wi-Fi, a sleeping laptop, a host restart): back to the same seat.
    const delay = Math.min(5000, 500 * 2 ** state.retries);
    state.retries += 1;
    notice("Connection lost: trying again…");
    state.retryTimer = window.setTimeout(() => connect(state.seat.pin, ""), delay);
  }

  // -- what the host sends ------------------------------------------------------------------

  function receive(message) {
    switch (message.type) {
      case "welcome": return welcomed(message);
      case "refused": return refused(message);
      case "lobby": return lobby(message);
      case "question": return question(message);
      case "clock": return clock(message);
      case "locked": return locked(message);
      case "reveal": return reveal(message);
      case "skipped": return skipped(message);
      case "done": return done(message);
      case "final": return final(message);
      case "ended": return ended(message);
      case "error": return error(message);
      default: return undefined;
    }
  }

  function welcomed(message) {
    state.welcome = message;
    state.retries = 0;
    saveSeat({ token: message.token, pin: state.pendingPin || (state.seat && state.seat.pin) || "" });
    notice("");
    header();
    showScore(message.score);
    // A question or a reveal may follow at once; until then, this.
    wait(
      message.rejoined ? "Welcome back, " + message.player : "You're in, " + message.player + "!",
      "Look at the screen: the game starts there."
    );
  }

  function refused(message) {
    state.over = true;
    saveSeat(null);
    state.welcome = null;
    header();
    text("score", "");
    joinForm(message.message);
  }

  function lobby(message) {
    const name = state.welcome ? state.welcome.player : "";
    wait(
      "You're in, " + name + "!",
      "Look at the screen: the game starts soon. " + plural(message.players, "player") + " joined so far."
    );
  }

  function skipped() {
    stopClock();
    state.question = null;
    wait("Question skipped", "The teacher skipped this question. The next one is on its way.");
  }

  function done(message) {
    stopClock();
    state.question = null;
    wait("All your answers are in", message.message);
  }

  function error(message) {
    if (message.code === "closed" && state.question) {
      notice("Too late: " + message.message);
    } else {
      notice(message.message);
    }
  }

  function ended(message) {
    state.over = true;
    stopClock();
    if (message.reason === "removed") saveSeat(null);
    if (state.finished) {
      const note = $("f-note");
      note.textContent = message.message;
      note.hidden = false;
      return;
    }
    saveSeat(null);
    wait("The game has ended", message.message);
    announce("The game has ended. " + message.message);
  }

  // -- the question -------------------------------------------------------------------------

  // The question's buttons and fields take answers, or are held (sent, time's up).
  function answering(open) {
    for (const node of document.querySelectorAll("#screen-question button, #screen-question input")) {
      node.disabled = !open;
    }
  }

  function question(message) {
    notice("");
    state.question = message;
    state.answered = message.answered;
    state.timesUp = false;
    text("q-number", "Question " + message.number + " of " + message.total);
    text("q-section", message.section);
    text("q-points", plural(message.points, "point"));
    text("q-prompt", message.prompt);
    $("q-sent").hidden = true;
    answering(true);
    const choices = $("q-choices");
    choices.replaceChildren();
    $("q-multiple").hidden = true;
    $("q-short").hidden = true;
    $("q-multiple-error").hidden = true;
    $("q-short-error").hidden = true;
    let focus = null;
    if (message.kind === "single") {
      text("q-help", "Pick one: tap it or press its number.");
      message.choices.forEach((choice, index) => {
        choices.append(choiceButton(index + 1, SYMBOLS[index % SYMBOLS.length], choice, index + 1));
      });
    } else if (message.kind === "true_false") {
      text("q-help", "True or false? Tap one, or press t or f.");
      choices.append(choiceButton("t", "✔", "True", true), choiceButton("f", "✘", "False", false));
    } else if (message.kind === "multiple") {
      text("q-help", "Tick every right answer (or press their numbers), then Submit (Enter).");
      const boxes = $("q-boxes");
      boxes.replaceChildren();
      message.choices.forEach((choice, index) => {
        const id = "q-box-" + (index + 1);
        const row = el("div", "box choice-" + (index % SYMBOLS.length + 1));
        const input = el("input");
        input.type = "checkbox";
        input.id = id;
        input.value = String(index + 1);
        const label = el("label");
        label.htmlFor = id;
        label.append(el("kbd", "key", index + 1), symbolMark(SYMBOLS[index % SYMBOLS.length]), el("span", "label", choice));
        row.append(input, label);
        boxes.append(row);
      });
      $("q-multiple").hidden = false;
    } else {
      text("q-help", "Type your answer, then Submit (Enter).");
      $("q-text").value = "";
      $("q-short").hidden = false;
      focus = $("q-text");
    }
    startClock(message.remaining, message.paused);
    if (state.answered) {
      lockedIn();
      return;
    }
    show("question", focus);
  }

  function symbolMark(symbol) {
    // Seen, not read: the key and the words name the choice.
    const mark = el("span", "symbol", symbol);
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  function choiceButton(key, symbol, label, value) {
    const index = typeof value === "number" ? (value - 1) % SYMBOLS.length + 1 : (value ? 1 : 2);
    const button = el("button", "choice choice-" + index);
    button.type = "button";
    button.dataset.key = String(key);
    button.setAttribute("aria-keyshortcuts", String(key));
    button.append(el("kbd", "key", key), symbolMark(symbol), el("span", "label", label));
    button.addEventListener("click", () => answer(value, button));
    return button;
  }

  function answer(value, button) {
    const current = state.question;
    if (!current || state.answered || state.timesUp || state.paused) return;
    if (!send({ type: "answer", question: current.number, answer: value })) {
      notice("Not connected: your answer was not sent. Trying to reconnect…");
      return;
    }
    state.answered = true;
    answering(false);
    if (button) button.setAttribute("aria-pressed", "true");
    $("q-sent").hidden = false;
  }

  function submitMultiple() {
    const ticked = Array.from(document.querySelectorAll("#q-boxes input:checked"), (box) => Number(box.value));
    if (!ticked.length) {
      const problem = $("q-multiple-error");
      problem.textContent = "Tick at least one answer first.";
      problem.hidden = false;
      return;
    }
    answer(ticked, null);
  }

  function submitShort() {
    const typed = $("q-text").value.trim();
    if (!typed) {
      const problem = $("q-short-error");
      problem.textContent = "Type an answer first.";
      problem.hidden = false;
      return;
    }
    answer(typed, null);
  }

  function locked(message) {
    if (state.question && state.question.number === message.number) lockedIn();
  }

  function lockedIn() {
    state.answered = true;
    wait("Answer locked in", state.welcome && state.welcome.mode === "live"
      ? "Wait for the others: the answer comes on the projector."
      : "Your answer is saved.");
    announce("Answer locked in");
  }

  // -- the countdown, from the host's clock -------------------------------------------------

  function startClock(remaining, paused) {
    stopClock();
    const countdown = $("q-countdown");
    countdown.hidden = remaining == null;
    if (remaining == null) return;
    state.paused = paused;
    state.left = remaining;
    state.deadline = performance.now() + remaining * 1000;
    state.ticker = window.setInterval(drawClock, 200);
    drawClock();
  }

  function clock(message) {
    if (!state.question || state.question.number !== message.number) return;
    const wasPaused = state.paused;
    if (state.timesUp && !state.answered && (message.paused || message.remaining > 0)) {
      // The teacher gave more time just as it ran out here: the question is open again.
      state.timesUp = false;
      answering(true);
      show("question");
    }
    startClock(message.remaining, message.paused);
    if (message.paused && !wasPaused) announce("Paused by the teacher");
    else if (!message.paused && wasPaused) announce("The clock runs again");
  }

  function stopClock() {
    window.clearInterval(state.ticker);
    state.ticker = null;
  }

  function drawClock() {
    const current = state.question;
    if (!current || current.time_limit == null) return;
    const left = state.paused ? state.left : Math.max(0, (state.deadline - performance.now()) / 1000);
    text("q-time", state.paused ? "Paused · " + Math.ceil(left) + " s" : Math.ceil(left) + " s");
    const share = Math.max(0, Math.min(1, left / current.time_limit));
    $("q-timebar").style.width = (share * 100).toFixed(1) + "%";
    $("q-countdown").classList.toggle("low", left <= 5);
    if (left <= 0 && !state.paused && !state.timesUp) {
      state.timesUp = true;
      stopClock();
      if (!state.answered) {
        answering(false);
        wait("Time's up", "The answer comes on the projector.");
        announce("Time's up");
      }
    }
  }

  // -- the verdict --------------------------------------------------------------------------

  function verdictTitle(outcome) {
    if (!outcome) return ["Not asked", "neutral"];
    if (outcome.timed_out) return ["Time's up", "wrong"];
    if (outcome.correct) return ["Right!", "right"];
    if (outcome.credit > 0) return ["Partly right", "partly"];
    return ["Not this time", "wrong"];
  }

  function rankLine(message) {
    if (message.rank == null) return "";
    let line = ordinal(message.rank) + " of " + message.players;
    if (message.gap == null) line += " · in the lead";
    else if (message.gap > 0) line += " · " + number(message.gap) + " points behind the player above";
    return line;
  }

  function reveal(message) {
    if (state.question && state.question.number !== message.number) {
      // An earlier question's verdict, held back by its save, after the next one opened:
      // the open question stays on the screen.
      showScore(message.score);
      return;
    }
    stopClock();
    notice("");
    state.question = null;
    const outcome = message.outcome;
    const [title, tone] = verdictTitle(outcome);
    text("v-title", title);
    $("v-banner").className = "banner " + tone;
    text("v-points", outcome ? "+" + number(outcome.points) + " points" : "No points: you joined after it opened");
    const rank = rankLine(message);
    text("v-rank", rank);
    text("v-yours", outcome ? (outcome.response_text || "(none)") + (outcome.typo ? " (a typo, accepted)" : "") : "(not asked)");
    text("v-right", message.right_answer);
    const practice = state.welcome && state.welcome.mode === "self-paced";
    $("v-explain").hidden = !practice;
    if (practice) {
      text("v-explanation", message.explanation);
      text("v-quote", message.quote.join(" … "));
      text("v-cite", citation());
    }
    $("v-next").hidden = !practice;
    $("v-next").disabled = false;
    $("v-wait").hidden = practice;
    showScore(message.score);
    show("verdict");
    const points = outcome ? number(outcome.points) + " points." : "";
    announce(title + " " + points + (rank ? " You are " + rank + "." : ""));
  }

  function citation() {
    const source = state.welcome && state.welcome.source;
    if (!source) return "";
    return "— " + [source.author, source.title, source.publication, source.date].filter(Boolean).join(", ");
  }

  function next() {
    if (state.screen === "verdict" && !$("v-next").hidden && send({ type: "next" })) {
      $("v-next").disabled = true;
      wait("Next question…", "");
    }
  }

  // -- the end ------------------------------------------------------------------------------

  function final(message) {
    stopClock();
    state.finished = true;
    state.question = null;
    notice("");
    const rank = message.rank == null ? "" : ordinal(message.rank) + " of " + message.players;
    text("f-rank", rank ? "You came " + rank : "");
    text("f-score", "Score " + number(message.score) + " of " + number(message.max_score));
    showScore(message.score);
    const list = $("f-review");
    list.replaceChildren();
    for (const item of message.review) {
      const entry = el("li", "review-item");
      entry.append(el("h3", null, "Question " + item.number + ": " + item.prompt));
      const outcome = item.outcome;
      const verdict = !outcome ? "Not asked" : outcome.timed_out ? "✘ Time's up"
        : outcome.correct ? "✔ Right" : outcome.credit > 0 ? "◐ Partly right" : "✘ Wrong";
      const facts = el("dl", "answers");
      facts.append(el("dt", null, "Your answer"), el("dd", null,
        outcome ? (outcome.response_text || "(none)") + " — " + verdict + ", " + number(outcome.points) + " points" : verdict));
      facts.append(el("dt", null, "Right answer"), el("dd", null, item.right_answer));
      entry.append(facts, el("p", null, item.explanation));
      const quote = el("figure", "quote");
      quote.append(el("blockquote", null, item.quote.join(" … ")));
      entry.append(quote);
      list.append(entry);
    }
    show("final");
    announce("Game over. " + (rank ? "You came " + rank + ". " : "") + "Score " + number(message.score) + ".");
  }

  // -- joining ------------------------------------------------------------------------------

  function joinForm(problem) {
    stopClock();
    state.question = null;
    state.finished = false;
    const error = $("join-error");
    error.textContent = problem || "";
    error.hidden = !problem;
    $("join-button").disabled = false;
    show("join", $("pin").value ? $("name") : $("pin"));
  }

  function join(event) {
    event.preventDefault();
    const pin = $("pin").value.replace(/\s+/g, "");
    const name = $("name").value.trim();
    const error = $("join-error");
    let problem = "";
    if (!/^\d{6}$/.test(pin)) problem = "The PIN is six digits: look at the projector.";
    else if (!name) problem = "Type your name.";
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      (problem.startsWith("The PIN") ? $("pin") : $("name")).focus();
      return;
    }
    error.hidden = true;
    $("join-button").disabled = true;
    saveSeat(null);
    state.pendingPin = pin;
    connect(pin, name);
  }

  // -- keys ---------------------------------------------------------------------------------

  function key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.target;
    const typing = target instanceof HTMLInputElement && target.type !== "checkbox";
    if (state.screen === "verdict" && event.key === "Enter" && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      next();
      return;
    }
    if (state.screen !== "question" || typing || !state.question || state.answered) return;
    const kind = state.question.kind;
    const keyName = event.key.toLowerCase();
    if (kind === "true_false" && (keyName === "t" || keyName === "f")) {
      event.preventDefault();
      const button = document.querySelector('#q-choices button[data-key="' + keyName + '"]');
      answer(keyName === "t", button);
    } else if (/^[1-9]$/.test(event.key)) {
      const n = Number(event.key);
      if (kind === "single" && n <= state.question.choices.length) {
        event.preventDefault();
        answer(n, document.querySelector('#q-choices button[data-key="' + n + '"]'));
      } else if (kind === "multiple" && n <= state.question.choices.length) {
        event.preventDefault();
        const box = $("q-box-" + n);
        box.checked = !box.checked;
      }
    } else if (kind === "multiple" && event.key === "Enter" && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      submitMultiple();
    }
  }

  // -- start --------------------------------------------------------------------------------

  function start() {
    $("join-form").addEventListener("submit", join);
    $("q-multiple").addEventListener("submit", (event) => { event.preventDefault(); submitMultiple(); });
    $("q-short").addEventListener("submit", (event) => { event.preventDefault(); submitShort(); });
    $("v-next").addEventListener("click", next);
    document.addEventListener("keydown", key);
    $("pin").addEventListener("input", () => { $("join-error").hidden = true; });
    // The projector's QR code carries the PIN after "#": it never reaches a server log.
    const fromLink = /(?:^#|&)pin=(\d{6})(?:&|$)/.exec(location.hash);
    if (fromLink) $("pin").value = fromLink[1];
    if (state.seat) {
      $("pin").value = state.seat.pin;
      wait("Joining again…", "Taking your seat back.");
      connect(state.seat.pin, "");
    } else {
      joinForm("");
    }
  }

  start();
})();
