# The Logs and errors screen (ui/screens/logs.js) and its tabs: Errors (logs/errors.js),
# Papertrail (logs/papertrail.js), Sentry (logs/sentry.js).

# Logs screen: heading, connection state and tabs
logs-title = Logs and errors
logs-state-connecting = Connecting…
logs-state-live = Live
logs-state-live-reconnected = Live (reconnected { $count }×)
logs-state-reconnecting = Reconnecting in { $seconds } s
logs-state-stopped = Stopped
logs-tab-live = Live log
logs-tab-errors = Errors
logs-tab-errors-count = Errors ({ $count })
logs-tab-papertrail = Papertrail
logs-tab-sentry = Sentry

# Live log: search and filters
logs-search = Search the log
logs-source-label = Which lines
logs-source-everything = Everything
logs-source-app = Your app (oTree)
logs-source-router = Heroku's router (requests)
logs-source-platform = Heroku's platform (dynos, memory)
logs-source-api = Releases and settings
logs-dyno-label = Which dyno
logs-dyno-all = All dynos
logs-dyno-all-of-type = All { $type } dynos
logs-errors-only = Errors only
logs-pause = Pause
logs-resume = Resume
logs-resume-new = Resume ({ $count } new)
logs-save = Save to a file
logs-count = { $matching } of { $kept } kept lines match
logs-saved = { $count ->
    [one] Saved 1 line in { $path }
   *[other] Saved { $count } lines in { $path }
}
logs-lines-label = The log, newest at the bottom

# Live log: the lines (source column, requests, tracebacks)
logs-tag-app = app
logs-tag-router = router
logs-tag-platform = heroku
logs-tag-api = releases
logs-tag-other = other
logs-request-time = in { $ms } ms
logs-traceback-incomplete = An error (its last line did not arrive)
logs-traceback-location = in { $location }

# Live log: what an explained Heroku code offers to do
logs-action-start-web = Start a web dyno
logs-action-start-web-done = A web dyno is starting; participants can come in within a minute.
logs-action-restart = Restart the app
logs-action-restart-done = Restarting; it takes about a minute.
logs-action-end-maintenance = End maintenance mode
logs-action-end-maintenance-done = Maintenance mode is off.
logs-action-show-memory = See memory on Metrics
logs-action-show-crash = Show what crashed it

# Errors tab
logs-errors-intro = Errors found in the log since this screen opened (and in the lines Heroku still had), grouped by kind. Sentry, when connected, gives the same from inside the study.
logs-errors-none = No errors in the log. Good.
logs-errors-column-what = What
logs-errors-column-times = Times
logs-errors-column-first = First seen
logs-errors-column-last = Last seen
logs-errors-kind-python = Python
logs-errors-kind-crash = Crash
logs-errors-kind-heroku = Heroku
logs-errors-latest-example = Latest example

# Papertrail tab
papertrail-intro = Papertrail keeps the log for days; Heroku keeps only the last 1,500 lines. Times are your computer's.
papertrail-search-placeholder = Search Papertrail's history
papertrail-search-label = Search Papertrail
papertrail-from = From
papertrail-to = to
papertrail-to-label = To
papertrail-search = Search
papertrail-open = Open Papertrail
papertrail-searching = Searching Papertrail…
papertrail-found-more = { $count ->
    [one] 1 line found; older ones can be loaded.
   *[other] { $count } lines found; older ones can be loaded.
}
papertrail-found-all = { $count ->
    [one] 1 line found, back to the beginning.
   *[other] { $count } lines found, back to the beginning.
}
papertrail-nothing = Nothing found.
papertrail-older = Older lines
papertrail-results-label = Papertrail's results

# Sentry tab: connecting a token
sentry-intro = This app reports errors to Sentry ({ $project }). To see them here, connect a Sentry auth token. The token is checked, then kept in this computer's keychain.
sentry-step-open = In Sentry, open Settings → Account → API → Personal Tokens (or User Auth Tokens).
sentry-step-create = Create a token with the scopes project:read and event:read, and copy it.
sentry-step-paste = Paste it here and press Connect.
sentry-practice-token = Practice mode: use the token { $token }.
sentry-confirm-host = { $host } is not sentry.io. Send my Sentry token there: it is my lab's own Sentry server. (If you do not know this address, leave this unticked: whoever set the app's SENTRY_DSN would receive your token.)
sentry-token-label = Sentry auth token
sentry-connect = Connect
sentry-without-token = Without a token, the Errors tab still groups the errors found in the log.

# Sentry tab: the issues and a stack trace
sentry-loading = Asking Sentry…
sentry-issues-count = { $count ->
    [one] 1 unresolved issue in Sentry ({ $project }).
   *[other] { $count } unresolved issues in Sentry ({ $project }).
}
sentry-disconnect = Disconnect
sentry-column-issue = Issue
sentry-column-where = Where
sentry-column-events = Events
sentry-column-participants = Participants
sentry-column-last-seen = Last seen
sentry-where-failed = Where it failed
sentry-open-issue = Open in Sentry
sentry-trace-loading = Asking Sentry where "{ $title }" failed…
sentry-trace-none = Sentry has no stack trace for this error.
sentry-frame = { $shape ->
    [line-function] { $file }, line { $line } in { $function_name }
    [line] { $file }, line { $line }
    [function] { $file } in { $function_name }
   *[file] { $file }
}
sentry-frame-own = your study's code
sentry-frame-library = (oTree or a library)
