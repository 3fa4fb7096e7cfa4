# Errors: what went wrong and what to do, as the error box of every screen shows it (made in
# Rust: src-tauri/core/src/*, src-tauri/src/error.rs and the commands).

# Signing in and Heroku's answers (every screen)
error-signed-out = You are not signed in. Paste your Heroku API key or explore without an account.
error-no-app = Pick your study's app first.
error-signin-empty-key = Paste your Heroku API key first.
error-heroku-unauthorized = Heroku did not accept this API key. Copy it again from Heroku's Account settings (API Key, Reveal) and paste it whole.
error-heroku-two-factor = Heroku wants a two-factor code for this. Use an API key from Account settings, which works without one.
error-heroku-forbidden = Heroku says this account may not do that: { $message }
error-heroku-not-found = Heroku could not find it. It may have been renamed or deleted, or this account lost access. ({ $message })
error-heroku-rate-limited = Heroku asks us to slow down (too many requests). Wait a minute and try again.
error-heroku-invalid-params = Heroku did not accept that: { $message }
error-heroku-failing = Heroku is having trouble right now (error { $status }). Nothing was changed; try again in a few minutes, and see status.heroku.com.
error-heroku-other = Heroku said: { $message }
error-heroku-timeout = Heroku took too long to answer. Check your internet connection and try again.
error-heroku-offline = Heroku cannot be reached. Check that this computer is online, then try again.
error-heroku-decode = Heroku sent an answer this app could not read. Try again; if it keeps happening, Heroku may have changed something.
error-heroku-insecure-url = That Heroku address is not secure (https), so the API key was not sent.
error-heroku-verification-needed = Heroku wants a payment method on your account before it creates apps or runs dynos (even free ones). Add one on Heroku's billing page ({ $billing_url }), then try again. Nothing was created.
error-heroku-bad-name = “{ $name }” is not a Heroku app name (small letters, digits and dashes, 3 to 30 characters), so Heroku was not asked.

# The keychain (signing in, connecting Sentry)
error-keychain-unavailable = This computer has no keychain Novaland can use (on Linux: GNOME Keyring or KWallet must be running and unlocked). The key was not saved anywhere; you can still use it until you close the app.
error-keychain-failed = The keychain did not accept the key ({ $detail }). Unlock your keychain and try again.
error-keychain-locked = Your keychain is locked, so Novaland cannot read or keep your Heroku key. Unlock it (Linux: the Passwords and Keys app, or log out and in again; macOS: Keychain Access; Windows: sign in again), then try again. Nothing was stored anywhere else.
error-keychain-too-long = This is { $length } characters long, more than a keychain entry can hold ({ $max }). A Heroku API key or a Sentry token is under 100 characters: check that only the key was pasted. Nothing was saved.

# Novaland's updates (footer)
error-update-offline = Novaland could not reach its update server. Check the internet connection and try again later; Novaland keeps working as it is.
error-update-bad-answer = Novaland's update server gave an answer Novaland cannot read. Nothing was installed; Novaland keeps working as it is.
error-update-bad-signature = An update to Novaland { $version } was found, but it is not signed with Novaland's key, so it was not installed. Novaland keeps working as it is.
error-update-signed-for-other-version = The update server announced Novaland { $announced }, but the file it gave is signed as version { $signed }. It was not installed. Novaland keeps working as it is.
error-update-busy = Novaland is still working ({ $running ->
        [one] { $running } task
       *[other] { $running } tasks
    } under way: a download, backup, reset or deploy). Install the update when it has finished.
error-update-nothing-ready = There is no update ready to install. Look for updates first.
error-update-install-failed = The update could not be installed ({ $reason }). Nothing was changed; Novaland keeps working as it is.
error-update-password-prompt = the password prompt was cancelled or the password was wrong

# Typing the app's name to confirm (Resources, Postgres, deploy)
error-confirm-name = Type the app's name, { $app }, to confirm. { $kept ->
        [reset] Nothing was reset.
        [deleted] Nothing was deleted.
        [restored] Nothing was restored.
        [rolled-back] Nothing was rolled back.
        [deployed] Nothing was deployed.
       *[removed] Nothing was removed.
    }

# Resources: add-ons
error-addon-not-ready = Heroku reports the add-on as { $state }, not ready. Look again in a few minutes; if it stays so, remove it and add it again.
error-addon-cancelled = Stopped waiting. Heroku goes on; the list shows the add-on's state.
error-addon-backup = The database was not removed: its backup could not be made and saved first. { $reason }
error-addon-no-folder = The database was not removed: the folder for its backup could not be made ({ $reason }).
error-addon-gone = That add-on is no longer on the app.
error-addon-no-dashboard = Heroku gives no dashboard address for this add-on.
error-addon-practice-dashboard = In practice mode the add-ons have no real dashboards. With your own account, this opens the add-on's dashboard, signed in through Heroku.

# Resources: settings (config vars) and people
error-config-var-gone = The app has no config var { $name } any more.
error-config-var-bad-name = A config var's name has letters, digits and underscores only, and does not start with a digit (like OTREE_AUTH_LEVEL).
error-invalid-email = "{ $email }" is not an e-mail address. It looks like name@university.edu.

# Postgres: Download data (oTree's own files) and the Excel workbook
error-otree-no-address = Heroku gives no usable web address for this app, so Novaland cannot reach the study. "Download the database tables" below still works: it reads the database directly.
error-otree-unreachable = The study's server did not answer ({ $reason }). Is the app running? Look at the Overview. "Download the database tables" below still works: it reads the database directly.
error-otree-not-otree = The study's address does not answer like oTree 5 or 6 (no admin login or Data page). "Download the database tables" below still works: it reads the database directly.
error-otree-no-password = oTree asks for the admin password, but the app has no OTREE_ADMIN_PASSWORD setting. Add it under Resources → Settings (then oTree restarts), and try again.
error-otree-login-failed = oTree did not accept the admin password from the OTREE_ADMIN_PASSWORD setting. If the study's settings.py sets another ADMIN_USERNAME or password, make OTREE_ADMIN_PASSWORD match it.
error-otree-rest-key-refused = oTree refused the REST key from the OTREE_REST_KEY setting. Check that it is the key the study was started with.
error-otree-server-error = oTree answered with an error ({ $status }) for { $what }. Its log (Logs screen) says why. "Download the database tables" below still works: it reads the database directly.
error-otree-export-failed = oTree could not build the file: "{ $reason }". Its log (Logs screen) says why. "Download the database tables" below still works: it reads the database directly.
error-otree-unreadable = oTree's answer could not be read ({ $what }). "Download the database tables" below still works: it reads the database directly.
error-otree-no-data = No one has taken part yet: oTree's Data page has no data. Nothing was saved.
error-otree-cancelled = Stopped. No half-written file was left behind; files that were complete are kept.
error-workbook-read = The Excel workbook was not made: { $file } could not be read ({ $detail }). The CSV files are complete.
error-workbook-write = The Excel workbook could not be saved ({ $detail }). The CSV files are complete.

# Postgres: Download the database tables
error-tables-no-database = This app has no database: its settings have no DATABASE_URL. Add Heroku Postgres on the Resources screen.
error-tables-bad-url = The database address in your app's settings (DATABASE_URL) is not valid.
error-tables-weak-login = The database asked for its password in a form that anyone between this computer and Heroku could read (clear text or MD5), so Novaland did not send it. Your data is safe; download it through oTree's Data page (Download data) instead, and tell Heroku support.
error-tables-unreachable = The database could not be reached. Check your internet connection; if it persists, Heroku Postgres may be down.
error-tables-query = The database refused: { $message }
error-tables-cancelled = Cancelled. The tables finished before cancelling are kept; no half-written file was left behind.

# Downloads and files on this computer (Postgres, Logs, Settings)
error-export-folder-not-made = The folder for your files could not be made ({ $reason }). Choose another place in settings.
error-disk-full-no-half-file = The disk is full. Free some space and try again; no half-written file was left behind.
error-file-not-written-no-half-file = A file could not be written ({ $reason }). No half-written file was left behind.
error-write-disk-full = the disk is full; free some space and try again
error-size-bytes = { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
error-size-kb = { $size } kB
error-size-mb = { $size } MB
error-size-gb = { $size } GB

# Postgres: backups
error-backup-no-database = This app has no Heroku Postgres database, so there is nothing to back up.
error-backup-no-database-url = None of this app's Heroku Postgres databases is its DATABASE_URL, the one oTree uses, so Novaland cannot tell which one holds the study's data. Nothing was changed. Attach the study's database as DATABASE_URL (Resources, Add-ons) first.
error-backup-failed = Heroku reports that the backup failed. Your database was not changed; try again in a few minutes.
error-backup-size-mismatch = The downloaded backup is incomplete ({ $got } of { $expected } bytes), so it was not kept. Try again.
error-backup-interrupted = The connection kept breaking off during the download. Nothing incomplete was kept; try again.
error-backup-cancelled = Cancelled. Nothing incomplete was kept.
error-backup-io = The file could not be written ({ $reason }). Nothing incomplete was kept.
error-backup-download-not-https = Heroku gave a download address without https
error-backup-disk-full = The disk is full. Free some space and try again; nothing incomplete was kept.
error-backup-gone = That backup no longer exists.
error-backup-folder = The folder could not be made ({ $reason }).
error-backup-size-differs = Heroku's list gives this backup as { $listed }, the file has { $got }. The file is complete (it matches what the download itself said); Heroku counts what the database dump wrote, which can differ. Keep Heroku's copy until you have restored this one once.
error-backup-schedule-not-listed = Heroku accepted the schedule but does not list it.

# Postgres: Undo (restore a backup)
error-restore-no-such-backup = Backup { $name } is not a finished backup of this app. Nothing was changed.
error-restore-safety-backup = Before restoring, Novaland backs up what is in the database now, and that failed: { $reason } Nothing was restored.
error-restore-failed = Heroku reports that the restore failed. The study is back online; the safety backup holds the data from just before.
error-restore-failed-maintenance-on = Heroku reports that the restore failed, and maintenance mode could not be turned off: turn it off under Resources. The safety backup holds the data from just before.
error-restore-timeout = Heroku's restore did not finish in 30 minutes. The study stays in maintenance mode; look at Backups for its state.
error-restore-cancelled = Stopped before anything was restored. The database is as it was.

# Postgres: reset the database
error-reset-backup = Nothing was reset: the backup did not succeed. { $reason }
error-reset-download = Nothing was reset: your data could not be saved first. { $reason }
error-reset-otree-files = Nothing was reset: oTree's files could not be saved first. { $reason }
error-reset-cancelled = Cancelled. Nothing was reset.
error-reset-failed = The reset did not go through; your backup is safe. { $reason }
error-reset-timeout = The reset is taking unusually long. Your backup is safe; check the Overview in a few minutes.
error-reset-restart = The database was reset, but the study's server could not be restarted. Restart it from the Resources screen. { $reason }
error-reset-no-output = oTree's reset command ran in { $dyno }, but its output never reached the app's log, so Novaland cannot tell whether it worked. Your backup and downloaded data are safe. Check the Logs screen, or the Postgres screen's table count.
error-reset-restore =
    { $reset_done ->
        [yes] The database was reset.
       *[no] The reset did not go through; your backup is safe.
    } The study's server was stopped for it and could not be started again as it was ({ $formation }); it may still be in maintenance mode. Start it on the Resources screen (Dynos) and end maintenance mode. { $reason }
error-reset-command-failed =
    oTree's reset command failed, so the database may not be empty. Your backup and downloaded data are safe. What it printed:
    { $output }

# Logs and errors: saving the log, Papertrail and Sentry
error-log-save = The log could not be saved: { $reason }. Nothing half-written was left behind.
error-papertrail-unauthorized = Papertrail did not accept the app's PAPERTRAIL_API_TOKEN. Open Papertrail's dashboard from here to check the add-on.
error-addon-api-unauthorized = { $service } did not accept the token. Check it (and that it may read issues), then connect again.
error-addon-api-offline = { $service } could not be reached ({ $detail }). Check the internet connection and try again.
error-addon-api-rate-limited = { $service } asks to slow down (too many searches). Wait a minute and try again.
error-addon-api-failed = { $service } answered with an error ({ $status }). Try again in a moment.
error-addon-api-unreadable = { $service }'s answer could not be read ({ $detail }).
error-addon-api-needs-https = { $service }'s address must use https.
error-sentry-project = project { $project } of organisation { $org }
error-sentry-dsn-unreadable = an unreadable SENTRY_DSN
error-sentry-unconfirmed-host = This app's SENTRY_DSN points at { $host }, which is not sentry.io. Novaland sends your Sentry token there only if you confirm that { $host } is your own Sentry server. If you do not know this address, do not confirm: whoever set it would receive your token.
error-sentry-no-organisation = This SENTRY_DSN does not name its organisation; open the project in Sentry instead.
error-sentry-issue-not-askable = That issue cannot be asked for.
error-sentry-no-stack-trace = No stack trace in this event

# Metrics
error-metrics-store = The metrics kept on this computer could not be read ({ $reason }).

# Overview: deploy a new version
error-project-unreadable = { $path } could not be read ({ $detail }). Nothing was uploaded.
error-project-corrupt = This file is not an oTree archive that can be opened (it is damaged or of another kind). Make it again with “otree zip” in your project folder, or choose the project folder itself. Nothing was uploaded.
error-project-too-big = This project is { $size }, more than the { $max } an oTree study can be on Heroku. Look for data files, videos or a virtual environment in the folder and move them out. Nothing was uploaded.
error-project-no-settings = This is not an oTree project: it has no settings.py at its top. Choose the folder that holds settings.py (or the .otreezip made there with “otree zip”). Nothing was uploaded.
error-project-no-requirements = This oTree project has no requirements.txt, so Heroku would not know to install oTree. Run “otree zip” in the project folder (it writes one), or add a requirements.txt with the line otree==5.11.5 (your oTree version). Nothing was uploaded.
error-project-no-otree-requirement = requirements.txt does not name oTree, so Heroku would not install it. Add a line such as otree==5.11.5 (your oTree version). Nothing was uploaded.
error-deploy-upload = The project could not be uploaded to Heroku ({ $tries ->
        [one] { $tries } try
       *[other] { $tries } tries
    }). Check that this computer is online, then try again; the study was not changed.
error-deploy-build-failed = Heroku could not build the study: { $reason }
error-build-package-not-installed = the package { $package } in requirements.txt could not be installed (no such package or version). Correct the line in requirements.txt and deploy again.
error-build-some-package-not-installed = the package a package in requirements.txt could not be installed (no such package or version). Correct the line in requirements.txt and deploy again.
error-build-no-requirements = Heroku found no requirements.txt in the project, so it does not know it is a Python app.
error-build-last-error-line = { $line } (the build's last error line)
error-build-no-reason = the buildpack stopped without saying why; its output is shown below.
error-deploy-timeout = Heroku's build did not finish in 15 minutes. Look at Heroku's Activity tab for the app.
error-deploy-cancelled = Stopped. If the build had started, Heroku finishes it on its own.

# Settings: where downloads go
error-folder-not-a-folder = That place is not a folder on this computer.
error-folder-not-writable = Novaland cannot save files in { $folder } ({ $reason }). Choose another folder.
error-settings-not-saved = The choice could not be saved ({ $reason }).
error-folder-unknown = Novaland only opens folders it wrote.
error-folder-open-failed = The folder could not be opened ({ $reason }). It is { $folder }
