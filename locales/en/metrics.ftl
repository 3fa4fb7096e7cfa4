# Metrics screen (ui/screens/metrics.js). The chart titles and the readiness items come from
# Rust (core.ftl).

metrics-title = Metrics

# Readiness card
metrics-readiness-title = Ready for a session?
metrics-readiness-intro = Run this before each session. Each item says why it matters; where Heroku allows, one click fixes it.
metrics-summary-problems = { $count ->
    [one] 1 problem to fix before participants come.
   *[other] { $count } problems to fix before participants come.
}
metrics-summary-warnings = { $count ->
    [one] Ready, with 1 warning.
   *[other] Ready, with { $count } warnings.
}
metrics-summary-ready = Ready.
metrics-checking = Checking…
metrics-state-pass = OK
metrics-state-warn = Warning
metrics-state-fail = Problem
# One item: its title (in bold) and what was found.
metrics-check-found = { $title } — { $found }
metrics-working = Working…
metrics-check-again = Check again

# Charts card
metrics-charts-title = How the server is doing
metrics-last-hour = Last hour
metrics-last-day = Last 24 hours
# $source says where the numbers come from (a whole sentence). "minute(s)" stays: the
# end-to-end test reads it.
metrics-source = From: { $source } { $minutes } minute(s) of data in this range.
metrics-runtime-off = Memory and load charts need Heroku's runtime metrics, which are off for this app. { $button }
metrics-runtime-turn-on = Turn on detailed metrics
metrics-runtime-explained = Heroku then writes each dyno's memory and load into the log every 20 seconds. Turning it on restarts the app (about a minute; participants on a page then must reload).
metrics-runtime-yes = Turn on and restart
metrics-runtime-cancel = Cancel
metrics-runtime-on = Detailed metrics are on; the app restarts and memory and load appear within a minute.
