# The Postgres screen (ui/screens/postgres.js) and its cards: the participants' data
# (ui/cards/participant_data.js), backups (ui/cards/backups.js), reset (ui/cards/reset.js).

# Postgres screen: heading and database health
postgres-title = Postgres
postgres-health-title = Database health
postgres-health-loading = Asking Heroku…
postgres-health-none = This app has no Heroku Postgres database, so oTree cannot keep your participants' data. Add Heroku Postgres (essential-0 or better) on the Resources screen.
postgres-db-main = Your study's database
postgres-db-other = Another database
postgres-db-details = { $addon } · { $plan } · Postgres { $version }
postgres-db-status-available = Available
postgres-db-status-not-provisioned = not yet provisioned
postgres-db-status-unknown = unknown
postgres-db-size = { $size } in { $tables ->
        [one] 1 table
       *[other] { $tables } tables
    } · { $connections ->
        [one] 1 connection
       *[other] { $connections } connections
    }
postgres-db-full-label = How full the database is
postgres-db-full = { $percent }% of { $limit } used
postgres-db-nearly-full = The database is nearly full. When it is full, Heroku stops new participants' data from being saved. Download your data, then upgrade the plan or reset the database.

# Postgres screen: where files are saved
postgres-folder-line = Files are saved in { $folder }
postgres-folder-none = (no folder found)
postgres-folder-change = Change…
postgres-folder-desktop = Use the Desktop

# Participants' data card
participant-data-title = The participants' data
participant-data-intro = The files oTree's own Data page gives you: all apps in one file (one row per participant), one file per app, page times and chat. Saved straight into a dated folder (see above); nothing in the study is changed. Novaland signs into oTree's admin with the app's OTREE_ADMIN_PASSWORD setting, so you type nothing.
participant-data-practice = Practice mode: the files come from a finished practice session of oTree's guess_two_thirds sample.
participant-data-for-excel = For Excel (UTF-8 with a byte-order mark, so umlauts and emoji show right)
participant-data-workbook = Also one Excel workbook (.xlsx) with a sheet for each file: opens right in every language of Excel, where a CSV may land in one column
participant-data-download = Download data
participant-data-cancel = Cancel
participant-data-progress-label = Download progress
participant-data-connecting = Connecting to the study…
participant-data-progress = File { $index } of { $total }: { $step }…
participant-data-step = { $step }…
participant-data-saved = { $count ->
    [one] Saved 1 file ({ $size }) from oTree { $version } in { $folder }
   *[other] Saved { $count } files ({ $size }) from oTree { $version } in { $folder }
}
participant-data-workbook-saved = And one Excel workbook, { $file }, with a sheet for each file (numbers and times as Excel's own, the header row fixed).
participant-data-show-folder = Show the folder
participant-data-column-file = File
participant-data-column-what = What
participant-data-column-rows = Rows
participant-data-column-size = Size
participant-data-what-wide = All apps, one row per participant
participant-data-what-app = App { $app }, one row per player and round
participant-data-what-page-times = Page times
participant-data-what-chat = Chat messages

# Postgres screen: the database tables card
postgres-tables-title = Download the database tables
postgres-tables-intro = Every table of your study's database as its own CSV file (Excel opens them), saved straight into a dated folder (see above). Nothing in the database is changed. Use it when the study's server is down, or for a complete copy.
postgres-tables-practice = Practice mode has no real database to read. With your own account this button saves your study's tables.
postgres-tables-download = Download the tables
postgres-tables-cancel = Cancel
postgres-tables-progress-label = Download progress
postgres-tables-connecting = Connecting to the database…
postgres-tables-progress = { $done ->
    [yes] Table { $index } of { $total }: { $table } ({ $size }) saved
   *[no] Table { $index } of { $total }: { $table } ({ $size })…
}
postgres-tables-saved = { $count ->
    [one] Saved 1 table ({ $size }) in { $folder }
   *[other] Saved { $count } tables ({ $size }) in { $folder }
}
postgres-show-folder = Show the folder
postgres-tables-column-table = Table
postgres-tables-column-rows = Rows
postgres-tables-column-size = Size

# Backups card
backups-title = Backups
backups-intro = A backup is a complete copy of the database that Heroku keeps. You can download it, but it opens only in Postgres tools, not Excel; for your analysis, download the tables above.
backups-capture = Back up now
backups-cancel = Cancel
backups-capture-progress-label = Backup progress
backups-capture-asking = Asking Heroku to back up the database…
backups-capture-progress = Backing up: { $done } of { $total }
backups-capture-ready = Backup { $name } is ready ({ $size }).
backups-download-progress-label = Download progress
backups-download-starting = Downloading { $name }…
backups-download-progress = Downloading { $name }: { $done } of { $total }
backups-download-saved = Saved { $name } as { $path }
backups-show-folder = Show the folder
backups-loading = Asking Heroku…
backups-none = There are no backups yet. Back up before every session, and before a reset.
backups-column-backup = Backup
backups-column-made = Made
backups-column-size = Size
backups-column-state = State
backups-scheduled = daily schedule
backups-status = { $status ->
    [capturing] capturing
    [succeeded] succeeded
    [failed] failed
    [cancelled] cancelled
   *[other] { $status }
}
backups-download = Download
backups-restore = Restore…
backups-delete = Delete

# Backups card: putting a backup back
backups-restore-action = Restore { $name }
backups-restore-question = Put backup { $name } back?
backups-restore-explain = The database gets back what it held when { $name } was made ({ $made }). { $replaced } everything in it now, including participants since then. Novaland first saves that as a new backup, so you can go back again; during the restore participants see Heroku's maintenance page.
backups-restore-replaced = Replaced:
backups-restore-keep = Keep the database as it is
backups-restore-step-backup = Back up what is in the database now
backups-restore-step-maintenance = Turn maintenance mode on
backups-restore-step-restore = Put { $name } back into the database
backups-restore-step-live = Turn maintenance mode off
postgres-step-state = { $state ->
    [running] running
    [done] done
    [failed] failed
   *[other] { $state }
}
backups-restore-done = Done. The database holds { $restored } again; { $safety } keeps what it held before.

# Backups card: deleting a backup
backups-delete-action = Delete { $name }
backups-delete-question = Delete backup { $name }?
backups-delete-explain = This copy ({ $size }, made { $made }) is removed from Heroku for good. Your database, its data and the other backups are kept.
backups-delete-keep = Keep it
backups-delete-done = Backup { $name } was deleted.

# Backups card: the daily schedule
backups-schedule-loading = Reading the daily schedule…
backups-schedule-hour-label = Hour of the daily backup
backups-schedule-chip-on = on
backups-schedule-on = { $when ->
    [hour-zone] Heroku backs up the database every day at { $hour } ({ $zone }) and keeps the last 7.
    [hour] Heroku backs up the database every day at { $hour } and keeps the last 7.
   *[any] Heroku backs up the database every day and keeps the last 7.
}
backups-schedule-change = Change the hour
backups-schedule-turn-off = Turn off
backups-schedule-chip-off = off
backups-schedule-off = No daily backup. Turn it on so a copy is made every day while your study runs.
backups-schedule-turn-on = Turn on daily backups

# Reset card
reset-title = Reset the database
reset-what = Between a pilot and the real study. { $deleted } all participants, sessions and everything oTree stored. { $kept } your backups, settings, add-ons and the app itself.
reset-deleted = Deleted:
reset-kept = Kept:
reset-how = Before anything is deleted, Novaland backs up the database and waits until Heroku reports the backup succeeded, then saves the participants' data to your folder: oTree's own files and every table of the database. If the backup fails or no copy of the data could be saved, nothing is reset. During the reset itself the study shows Heroku's maintenance page and its server is stopped (oTree cannot empty a database the server still uses); afterwards it starts again exactly as it was, also if the reset fails.
reset-save-first = Save the participants' data to my computer first
reset-save-first-practice = (practice: oTree's files only; it has no real tables)
reset-action = Reset the database
reset-cancel = Cancel
reset-step-backup = Back up the database (Heroku must report success)
reset-step-download = Save the participants' data to your computer
reset-step-reset = Reset the database
reset-step-restart = Restart the study's server
reset-done = Done. The database is empty; backup { $backup } holds everything from before.
reset-output-label = What otree resetdb printed
