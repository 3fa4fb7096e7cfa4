# Words made in Rust for the screens (src-tauri/core/src and src-tauri/src/commands): the
# study's status, New study's steps, chart titles, the log's connection, notifications, and
# the messages of the commands behind the buttons.

# Start and sign-in (commands/session.rs, commands/apps.rs)
core-session-saved-key-refused = The Heroku key saved on this computer is no longer accepted (it may have been regenerated). Paste the current one.
core-session-practice-failed = Practice mode could not start: { $detail }
core-apps-choice-not-saved = Your choice works now but could not be saved for next time: { $detail }

# Overview: the study's status (overview.rs)
core-overview-status-running = Running: participants can reach your study.
core-overview-status-crashed = Crashed: your study's server has stopped with an error and participants see an error page.
core-overview-status-idle = Asleep: the server sleeps when nobody uses it and wakes on the next visit (this takes a few seconds).
core-overview-status-starting = Starting: the server is booting and will be ready in a moment.
core-overview-status-no-web-dyno = Offline: no web server is running, so participants cannot reach your study.

# Overview: opening the study and Heroku's pages (overview.rs, commands/overview.rs)
core-overview-no-https-address = This app has no https web address yet.
core-overview-practice-no-address = In practice mode the study has no real address. With your own account, this button opens your study in the browser.
core-overview-unknown-page = That page is not known.
core-overview-browser-failed = The browser could not be opened ({ $detail }). The address is { $url }

# New study and Deploy a new version: choosing the project (commands/new_study.rs, deploy/project.rs)
core-new-study-pick-title = Choose your oTree project
core-new-study-pick-filter = oTree project (otree zip)
core-new-study-pick-not-local = That is not a file on this computer.
core-new-study-no-project = Choose the oTree project first (its .otreezip or its folder).
core-deploy-example-name = Novaland's example study
core-deploy-added-psycopg2 = psycopg2 in requirements.txt (oTree needs it for Heroku Postgres)
core-deploy-added-procfile = oTree's standard Procfile (web: otree prodserver1of2)

# New study: the app's name as it is typed (new_study.rs)
core-new-study-name-yours = You already have an app named “{ $name }”. Choose another name, or go back and pick that app.
core-new-study-name-free = “{ $name }” is free. Participants will open https://{ $name }-….herokuapp.com.
core-new-study-name-taken = “{ $name }” is taken by someone else's app. Try another, e.g. { $name }-2.
core-new-study-name-too-short = A name needs at least 3 characters.
core-new-study-name-too-long = A name may have at most 30 characters; this one has { $count }.
core-new-study-name-first-letter = A name starts with a small letter (a to z).
core-new-study-name-ends-with-dash = A name cannot end with a dash.
core-new-study-name-characters = Use only small letters (a to z), digits and dashes: no capitals, spaces, dots or umlauts.

# New study: what it costs a month (new_study.rs)
core-new-study-cost-dyno = One Basic web dyno (runs the study)
core-new-study-cost-database = Heroku Postgres essential-0 (keeps the participants' data)
core-new-study-cost-papertrail = Papertrail Choklad (searchable log, free)

# New study: the steps, what each is doing, and what exists so far (new_study.rs)
core-new-study-step-app = Create the Heroku app
core-new-study-step-app-running = { $name } in { $region ->
    [eu] Europe
    [us] the United States
   *[other] another region
}
core-new-study-step-app-done = { $name } ({ $region ->
    [eu] Europe
    [us] the United States
   *[other] another region
})
core-new-study-made-app = the app { $name }
core-new-study-step-database = Add Heroku Postgres (essential-0)
core-new-study-step-database-running = Heroku sets it up; this takes a minute or two.
core-new-study-step-database-done = Heroku Postgres essential-0 is ready.
core-new-study-made-database = its Heroku Postgres database
core-new-study-step-papertrail = Add Papertrail (free)
core-new-study-step-papertrail-done = Papertrail keeps a searchable log.
core-new-study-made-papertrail = Papertrail
core-new-study-step-settings = Set oTree's settings and admin password
core-new-study-step-settings-done = Production mode, study-only access, admin password and REST key are set.
core-new-study-step-deploy = Upload and build the project
core-new-study-step-deploy-running = { $count ->
    [one] { $project } (1 file)
   *[other] { $project } ({ $count } files)
}
core-new-study-step-deploy-done = Heroku built the project.
core-new-study-made-deploy = the deployed project
core-new-study-step-start = Start one Basic web dyno
core-new-study-step-start-done = One Basic web dyno runs the study.
core-new-study-step-answer = Wait until the study answers
core-new-study-step-answer-done = { $url } answers.
core-new-study-step-other = Step

# New study: when a step fails, and removing the new app (new_study.rs, commands/new_study.rs)
core-new-study-error-name-taken = The name “{ $name }” is already taken on Heroku (app names are shared by everyone). Choose another one; nothing was created.
core-new-study-error-app-limit = Your Heroku account cannot have more apps (Heroku says: { $message }). Delete an app you no longer need on Heroku's Dashboard, or ask Heroku to raise the limit. Nothing was created.
core-new-study-error-database-timeout = Heroku Postgres was still being set up after 5 minutes.
core-new-study-error-not-answering = The study did not answer at { $url } within 3 minutes after it started. Look at Logs and errors for what it printed.
core-new-study-error-cancelled = Stopped on your request.
core-new-study-error-nothing-created = { $reason } Nothing was created.
core-new-study-error-part-way = { $reason } (step: { $step }). Made so far: { $created }. Click “Try again” to finish, or “Remove the new app” to delete it again.
core-new-study-remove-not-ours = Novaland removes only an app it made in this session. Delete other apps on Heroku's Dashboard.

# Resources: dynos (commands/formation.rs)
core-formation-quantity-range = The number of dynos must be between 0 and 100.

# Logs and errors: following the live log (logs/stream.rs, commands/logs.rs)
core-logs-stream-closed = The log connection closed; reopening.
core-logs-stream-closed-empty = The log connection closed without lines; reopening.
core-logs-stream-bad-address = Heroku gave an unreadable log address.
core-logs-stream-not-https = Heroku gave a log address without https.
core-logs-stream-unreachable = The log could not be reached ({ $detail }).
core-logs-stream-answered = The log answered { $status }.
core-logs-stream-dropped = The log connection dropped ({ $detail }).
core-logs-not-following = The log is not open. Open the Logs screen again.

# Logs and errors: the Errors tab's kinds of error (logs/errors.rs, logs/entry.rs)
core-logs-error-python-title = { $exception } in { $place }
core-logs-error-python-title-nowhere = { $exception } in an unknown place
core-logs-error-heroku-title = { $code } { $title }
core-logs-error-crash-title = The study's server crashed
core-logs-error-exit-title = A process stopped with an error
core-logs-traceback-incomplete = Traceback (incomplete)

# Logs and errors: desktop notifications (logs/alerts.rs)
core-alert-crash-title = { $app }: the study's server crashed
core-alert-crash-body = Participants see an error page. Open Novaland's Logs screen to see why.
core-alert-new-error-title = { $app }: a new kind of error

# Logs and errors: Papertrail and Sentry (commands/addon_apis.rs)
core-papertrail-none = This app has no Papertrail add-on (no PAPERTRAIL_API_TOKEN setting).
core-papertrail-practice = In practice mode there is no real Papertrail to open. With your own account, this opens Papertrail's dashboard, signed in through Heroku.
core-papertrail-no-dashboard = Heroku gives no dashboard address for the Papertrail add-on.
core-sentry-no-dsn = This app has no SENTRY_DSN setting.
core-sentry-unreadable-dsn = The app's SENTRY_DSN setting could not be read.
core-sentry-paste-token = Paste the Sentry auth token first.
core-sentry-connect-first = Connect Sentry with an auth token first.
core-sentry-practice = In practice mode there is no real Sentry to open. With your own account, this opens the issue on sentry.io.
core-sentry-issue-gone = That issue is no longer in Sentry's list.

# Metrics: where the numbers come from (metrics/view.rs, commands/metrics.rs)
core-metrics-source-router = Requests and response times: Heroku's router metrics. Memory, load, dynos and error codes: the app's own log, collected while Novaland is open and kept on this computer.
core-metrics-source-log = The app's own log (Heroku's router lines and runtime-metrics samples), collected while Novaland is open and kept on this computer. (Heroku's router metrics are not available for this app: Eco dynos have none.)
core-metrics-no-folder = This computer has no data folder for Novaland's metrics.
core-metrics-store-failed = The metrics could not be kept ({ $detail }).

# Metrics: the charts' titles, axes and lines (metrics/view.rs, metrics/chart.rs)
core-chart-requests-title = Requests per minute by answer
core-chart-requests-unit = requests / minute
core-chart-latency-title = Response time
core-chart-latency-unit = milliseconds
core-chart-bandwidth-title = Bandwidth: data sent to participants' browsers
core-chart-bandwidth-unit = MB / minute
core-chart-bandwidth-sent = sent
core-chart-memory-title = Memory per dyno
core-chart-memory-unit = MB
core-chart-memory-used = { $dyno } memory
core-chart-memory-swap = { $dyno } swap
core-chart-memory-quota = quota
core-chart-load-title = Load average per dyno (1 minute)
core-chart-load-unit = load
core-chart-dynos-title = Dynos reporting
core-chart-dynos-unit = dynos
core-chart-dynos-series = dynos
core-chart-errors-title = Heroku error codes
core-chart-errors-unit = per minute
core-chart-no-data = No data for this time yet

# Resources: the dynos' warnings, and scaling a process the study does not have yet (resources/formation.rs)
core-formation-warn-no-web-dyno = No web dyno: nobody can open the study. Start the study's server to let participants in.
core-formation-warn-one-web-dyno = oTree runs on one web dyno: with more, participants of one group can land on different dynos and wait forever. Use a bigger size instead.
core-formation-warn-eco = Eco dynos sleep after 30 minutes without visitors and take several seconds to wake: participants arriving then see a slow first page, and wait pages can break. Use Basic or bigger while a session runs.
core-formation-not-deployed = { $message } Has the study been deployed? Until its code is pushed (oTree Hub or git push heroku), there is no { $process_type } process to start.

# Resources: add-ons, the suggested ones and removing one (resources/addons.rs)
core-addons-suggest-postgres = oTree keeps the participants' data here. Essential 0 or better.
core-addons-suggest-papertrail = Keeps the log for days, so an error from last night can still be read.
core-addons-suggest-sentry = Collects the study's errors with the page and participant they happened to.
core-addons-backing-up = Backing up the database…
core-addons-saving-backup = Saving the backup to this computer…
core-addons-removing = Removing the add-on…

# Resources: config vars, what oTree's presets do (resources/config_vars.rs)
core-config-preset-production = Runs oTree in production mode: no debug pages for participants.
core-config-preset-auth-level = STUDY: only you (with the admin password) see the admin pages; DEMO: anyone can try the demo.
core-config-preset-admin-password = The password of oTree's admin pages (user admin). Novaland uses it to download your data.
core-config-preset-rest-key = Lets programs (and Novaland) use oTree's REST API.

# Postgres: Download data, the files and steps (otree/export.rs)
core-otree-step-connecting = Connecting to the study
core-otree-job-wide = All apps (wide)
core-otree-job-app = App { $app }
core-otree-job-page-times = Page times
core-otree-job-chat = Chat
core-otree-step-workbook = Excel workbook
core-otree-step-done = Done

# Postgres: Download data, what went wrong with the study's server (otree/site.rs)
core-otree-what-login = login
core-otree-what-data-page = the Data page
core-otree-no-answer = no answer
core-otree-connection-closed = the connection closed
core-otree-export-answer = the export answer: { $detail }
core-otree-export-answer-empty = an export answer without data
core-otree-no-web-dyno = Heroku answered 503: the app's web dyno is not running

# Postgres: Undo, the steps of restoring a backup (postgres/restore.rs)
core-restore-safety-backup = A backup of what is in the database now, in case you want it back.
core-restore-safety-backup-done = { $name } holds the data from just before the restore.
core-restore-maintenance-done = Participants see Heroku's maintenance page meanwhile.
core-restore-restoring = Heroku puts { $name } back into the database.
core-restore-restored = The database holds { $name } again.
core-restore-live = The study is online again.

# Postgres: Reset the database, the steps (postgres/reset.rs)
core-reset-backing-up = Backing up the database…
core-reset-backup-done = Backup { $name } succeeded ({ $size }).
core-reset-saving-otree-files = Saving oTree's files (Data page)…
core-reset-otree-files-saved = { $count ->
    [one] oTree's { $count } file saved in { $folder }.
   *[other] oTree's { $count } files saved in { $folder }.
}
core-reset-otree-no-data = oTree has no participants' data yet.
core-reset-saving-tables = Saving every table to your computer…
core-reset-tables-saved = { $count ->
    [one] { $count } table saved in { $folder }.
   *[other] { $count } tables saved in { $folder }.
}
core-reset-otree-files-failed = oTree's files could not be fetched, but the tables hold the same data ({ $reason }).
core-reset-nothing-to-save = Nothing to save: not an oTree app, and the tables were not asked for.
core-reset-download-skipped = Not asked for.
core-reset-resetting = Resetting the database…
core-reset-done = Reset with { $method }.
core-reset-method-otree = `otree resetdb --noinput` in { $dyno }
core-reset-method-data-api = Heroku Postgres' reset
core-reset-restarting = Restarting the study's server…
core-reset-restarted = The study's server restarts with an empty database.

# Settings and downloads: where files go (commands/settings.rs, commands/mod.rs)
core-settings-folder-pick-title = Where should Novaland save your files?
core-export-no-folder = This computer has no Desktop, Downloads or home folder to save to.
