# The window's frame: header, navigation, footer, updates, and the words every screen shares
# (ui/index.html, main.js, theme.js, updates.js, dom.js, format.js, i18n.js).

skip-to-content = Skip to content
practice-banner = Practice mode: this is a made-up study on a simulated Heroku. Nothing you do here touches a real account.
switch-app = Switch app
sign-out = Sign out
leave-practice = Leave practice
starting = Starting…
screens-label = Screens
screen-overview = Overview
screen-resources = Resources
screen-postgres = Postgres
screen-logs = Logs and errors
screen-metrics = Metrics
who-practice = Practice account
who-signed-in = Signed in as { $email }
heroku-unreachable-title = Heroku cannot be checked right now
heroku-unreachable-explore = You can still { $explore }.
heroku-unreachable-explore-link = explore without an account

theme-label = Colours
theme-system = Colours: as the system
theme-light = Colours: light
theme-dark = Colours: dark
language-label = Language
language-system = Language: as the system

version = Novaland { $version }
look-for-updates = Look for updates
update-install = Install and restart
update-later = Later
update-installing = Installing… Novaland will restart
update-ready = Novaland { $version } is ready.
update-ready-detail = It is downloaded and checked; nothing changes until you install it.
update-whats-new = What's new:{ " " }
update-looking = Looking for a newer Novaland…
update-newest = Novaland { $version } is the newest version.
update-not-set-up = This copy of Novaland was not built from a release, so it does not look for updates.
update-close = Close
update-not-installed = Update not installed.

app-name-label = The app's name
type-app-name = Type the app's name, { $app }, to confirm
try-again = Try again

size-bytes = { $count ->
    [one] 1 byte
   *[other] { $count } bytes
}
price-free = free
price-per-month = ${ $dollars }/month
when-unknown = unknown
when-just-now = just now ({ $local })
when-minutes-ago = { $minutes ->
    [one] 1 minute ago ({ $local })
   *[other] { $minutes } minutes ago ({ $local })
}
when-hours-ago = { $hours ->
    [one] 1 hour ago ({ $local })
   *[other] { $hours } hours ago ({ $local })
}
