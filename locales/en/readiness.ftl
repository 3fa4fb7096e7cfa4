# The check before a session on the Metrics screen (src-tauri/core/src/metrics/readiness.rs):
# each check's title, why it matters, what was found, and its fix button, in the screen's order.

# Metrics, check before a session: the database
readiness-postgres-title = A database with room
readiness-postgres-why = oTree keeps every participant's data in Postgres; when it is full, new data is refused.
readiness-postgres-found-none = No Heroku Postgres database.
readiness-postgres-found-full = The database is { $percent }% full.
readiness-postgres-found-room = { $percent }% full.
readiness-postgres-found-no-limit = Present (its plan has no row limit).
readiness-postgres-fix = Add Heroku Postgres (essential-0, $5/month)

# Metrics, check before a session: production mode
readiness-production-title = oTree in production mode
readiness-production-why = Without it, participants who hit an error see oTree's debug page with your code.
readiness-production-found-unset = OTREE_PRODUCTION is not set.
readiness-production-found = OTREE_PRODUCTION is { $value }.
readiness-production-fix = Set OTREE_PRODUCTION to 1

# Metrics, check before a session: the admin password
readiness-admin-password-title = An admin password
readiness-admin-password-why = Without it anyone can open oTree's admin pages and see or delete your data.
readiness-admin-password-found-set = Set.
readiness-admin-password-found-unset = OTREE_ADMIN_PASSWORD is not set.
readiness-admin-password-fix = Set a strong password

# Metrics, check before a session: the admin pages locked
readiness-auth-level-title = Admin pages locked (STUDY)
readiness-auth-level-why = STUDY keeps the demo and admin pages away from participants.
readiness-auth-level-found-unset = OTREE_AUTH_LEVEL is not set.
readiness-auth-level-found = OTREE_AUTH_LEVEL is { $value }.
readiness-auth-level-fix = Set OTREE_AUTH_LEVEL to STUDY

# Metrics, check before a session: one web dyno
readiness-web-dyno-title = Exactly one web dyno, up
readiness-web-dyno-why = oTree keeps groups and wait pages in one process: one web dyno, running.
readiness-web-dyno-found-none = No web dyno runs: nobody can open the study.
readiness-web-dyno-fix-start = Start one web dyno
readiness-web-dyno-found-crashed = The web dyno has crashed.
readiness-web-dyno-fix-restart = Restart the app
readiness-web-dyno-found-up = One { $size } web dyno, up.
readiness-web-dyno-found-several = { $count } web dynos: oTree needs exactly one.
readiness-web-dyno-fix-one = Use one web dyno

# Metrics, check before a session: no Eco dyno
readiness-not-eco-title = No sleeping Eco dyno
readiness-not-eco-why = Eco dynos sleep after 30 idle minutes; the first participants then wait and wait pages can break.
readiness-not-eco-found = The web dyno is { $size }.
readiness-not-eco-fix = Use a Basic dyno ($7/month)

# Metrics, check before a session: no crash
readiness-no-crash-title = No crash in the last hour
readiness-no-crash-why = A crash means participants saw error pages; find out why before a session.
readiness-no-crash-found = { $count ->
    [one] 1 request met a crashed app (H10) in the last hour. The Logs screen's Errors tab shows why.
   *[other] { $count } requests met a crashed app (H10) in the last hour. The Logs screen's Errors tab shows why.
}
readiness-no-crash-found-none = None seen.

# Metrics, check before a session: backups
readiness-backups-title = Daily backups
readiness-backups-why = If something goes wrong, yesterday's backup is what you can go back to.
readiness-backups-found-scheduled = Scheduled.
readiness-backups-found-none = No daily backup is scheduled.
readiness-backups-fix = Back up every day at 02:00

# Metrics, check before a session: Papertrail
readiness-papertrail-title = Papertrail (recommended)
readiness-papertrail-why = Keeps the log for days, so an error during the night can still be read.
readiness-papertrail-found-present = Present.
readiness-papertrail-found-none = Not added.
readiness-papertrail-fix = Add Papertrail (free plan)

# Metrics, check before a session: Sentry
readiness-sentry-title = Sentry (recommended)
readiness-sentry-why = Collects each error with the page and participant it happened to.
readiness-sentry-found-set = SENTRY_DSN is set.
readiness-sentry-found-none = No SENTRY_DSN.
readiness-sentry-fix = Add Sentry (free plan)

# Metrics, check before a session: memory
readiness-memory-title = Memory headroom
readiness-memory-why = A dyno out of memory slows down (R14) and is then restarted (R15).
readiness-memory-found = Memory at { $percent }% of the dyno's quota.
readiness-memory-fix-bigger = Use a Standard-2X dyno (1 GB)
readiness-memory-found-off = No memory numbers: Heroku's runtime metrics are off.
readiness-memory-fix-metrics = Turn on detailed metrics (restarts the app)
readiness-memory-found-waiting = No memory numbers yet; they arrive every 20 seconds while the app runs.
