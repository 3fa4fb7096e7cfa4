# Overview screen (ui/screens/overview.js).

# Screen head
overview-title = Overview
overview-updated = Updated { $time }
overview-deploy-new = Deploy a new version…
overview-refresh = Refresh
overview-asking-heroku = Asking Heroku…

# Status card: the app's state, its address and where it runs
overview-status-running = Running
overview-status-crashed = Crashed
overview-status-idle = Asleep
overview-status-starting = Starting
overview-status-offline = Offline
overview-open-app = Open app
overview-opening-study = Opening your study in the browser…
overview-maintenance-on = Maintenance mode is on: participants see Heroku's maintenance page.
overview-no-web-address = No web address yet
overview-app-facts-team = { $address } · region { $region } · stack { $stack } · team { $team }
overview-app-facts-owner = { $address } · region { $region } · stack { $stack } · owner { $owner }

# Dynos card
overview-dynos-title = Dynos (servers)
overview-dynos-process = Process
overview-dynos-size = Size
overview-dynos-count = Count
overview-dynos-state = State
overview-process-web = your study's pages
overview-process-worker = background tasks
overview-process-off = off
overview-dynos-none-running = none running
# A dyno state counted, e.g. "1 up", "2 crashed" ($state is Heroku's word).
overview-dyno-state = { $count } { $state }
overview-dynos-none = No processes yet: the app has not been deployed.

# Add-ons card
overview-addons-title = Add-ons ({ $count })
overview-addon-state = { $state }
overview-service-postgres = the database that keeps your participants' data
overview-service-papertrail = searchable log history
overview-service-sentry = error reports
overview-service-key-value = fast temporary storage
overview-service-email = e-mail
overview-addons-none = None. An oTree study needs Heroku Postgres to keep its data.

# Last release card
overview-release-title = Last release
overview-release-version = v{ $version }
# $status is Heroku's word (succeeded, failed, pending); $when e.g. "3 minutes ago (…)".
overview-release-meta = { $status } · by { $user } · { $when }
overview-release-none = Nothing has been released yet.

# People with access card
overview-people-title = People with access ({ $count })
overview-people-only-owner = Only the owner, { $owner }. Invite people under Resources.
overview-people-only-you = Only the owner, you. Invite people under Resources.
overview-people-role = { $role }

# Metrics card: the last hour in one line; the facts are joined by the language's list format.
overview-metrics-title = Metrics
overview-glance-empty = No numbers yet: Novaland collects them from the app's log while it is open. { $link }
overview-glance-requests = { $requests ->
    [one] 1 request in the last hour
   *[other] { $requests } requests in the last hour
}
overview-glance-server-errors = { $errors } answered with a server error
overview-glance-p95 = 95% answered within { $ms } ms
overview-glance-bytes = { $size } sent to browsers
overview-glance-memory = memory at { $percent }% of the dyno's quota
overview-glance = { $facts }. { $link }
overview-glance-link = Charts and the check before a session
