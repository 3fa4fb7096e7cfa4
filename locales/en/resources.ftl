# Resources screen (ui/screens/resources.js).

resources-title = Resources
resources-asking-heroku = Asking Heroku…
# The inline "are you sure" of every card.
resources-cancel = Cancel
resources-save = Save
resources-remove = Remove

# Dynos card
resources-dynos-title = Dynos (the study's server)
resources-server-off = The study's server is off: nobody can open the study.
resources-start-server = Start the study's server
resources-dynos-process = Process
resources-dynos-size = Size
resources-dynos-count = How many
resources-dynos-memory = Memory each
resources-dynos-cost = Cost
# The button that applies a row's new size and count.
resources-dynos-apply = Save
resources-size-of = Size of { $process }
# A dyno size with its monthly price, e.g. "Basic ($7.00/month)".
resources-size-option = { $size } ({ $price })
resources-count-of = How many { $process } dynos
resources-memory-mb = { $mb } MB
resources-cost-off = nothing while off
resources-web-dynos-confirm = oTree runs on one web dyno: with more, participants of one group can land on different dynos and wait forever. A bigger size is the safe way to serve more people. Scale to more anyway?
resources-web-dynos-yes = Use { $count } web dynos
resources-restart = Restart the app
resources-restart-confirm = Restarting takes about a minute; participants on a page at that moment see an error and must reload.
resources-restart-yes = Restart now
resources-restarting = Restarting; the study is back in about a minute.
resources-maintenance-start = Maintenance mode on
resources-maintenance-end = End maintenance mode
resources-in-maintenance = In maintenance: participants see Heroku's maintenance page
resources-changing = Changing…
# After scaling, e.g. "web: 1 × Basic ($7.00/month)."
resources-scaled = { $process }: { $count } × { $size } ({ $price }).

# Add-ons card
resources-addons-title = Add-ons
resources-addons-addon = Add-on
resources-addons-plan = Plan
resources-addons-price = Price
resources-addons-state = State
resources-addons-sets = Sets
# $state is Heroku's word (provisioned, provisioning, deprovisioned).
resources-addon-state = { $state ->
    [provisioned] ready
   *[other] { $state }
}
resources-addon-dashboard = Dashboard
resources-addon-change-plan = Change plan
resources-addons-none = No add-ons yet. An oTree study needs Heroku Postgres for its data.
resources-asking-plans = Asking Heroku for the plans…
resources-new-plan = New plan
resources-plan-option = { $plan } ({ $price })
# $pick is the list of plans.
resources-new-plan-for = New plan for { $addon }: { $pick }
resources-change = Change
resources-remove-database = Removing { $addon } deletes the database and everything in it: all participants' data. Novaland first makes a backup, waits until Heroku reports it succeeded, and saves it on this computer; only then is the database removed.
# $vars: the config vars the add-on set, e.g. "PAPERTRAIL_API_TOKEN"; $count how many.
resources-remove-addon-confirm = Removing { $addon } ends the add-on and its settings ({ $count ->
        [0] none
       *[other] { $vars }
    }); what it kept (logs, errors) is gone with it.
resources-remove-addon = Remove { $service }
resources-addon-removed = { $addon } was removed.
resources-addon-removed-backup = { $addon } was removed. Its backup is saved in { $file }.

# Add-ons card: Heroku's marketplace
resources-market-title = Add an add-on
resources-market-placeholder = Search Heroku's add-ons (e.g. postgres, logs, email)
resources-market-label = Search add-ons
resources-market-search = Search
resources-market-nothing = Nothing found. Try another word.
resources-market-suggested = What an oTree study needs
resources-group-databases = Databases
resources-group-logs = Logs and monitoring
resources-group-errors = Errors
resources-group-email = E-mail
resources-group-storage = File storage
resources-group-security = Security
resources-group-other = Other
# After a service's name: why an oTree study wants it.
resources-market-suggestion = {" "}— { $suggestion }
resources-market-plan = { $plan }: { $price }
resources-market-add = Add
resources-market-add-confirm = Add { $service } ({ $plan }) to { $app } for { $price }? Heroku bills it to the app's owner.
resources-market-add-yes = Add for { $price }
resources-market-provisioning = Heroku is setting up { $addon }…
resources-market-addon-state = { $addon }: { $state }
resources-market-ready = { $addon } is ready ({ $plan }).

# Config vars card
resources-config-vars-title = Config vars
resources-config-vars-intro = The app's settings, which Heroku calls config vars. Passwords, keys and addresses are hidden until you ask. Changing one restarts the app.
resources-config-vars-name = Name
resources-config-vars-value = Value
resources-config-var-from-addon = set by an add-on
resources-config-var-show = Show
resources-config-var-edit = Edit
resources-config-var-remove-confirm = Remove { $name }? The app restarts.
resources-config-var-remove-addon-confirm = Remove { $name }? An add-on set it and stops working without it. The app restarts.
resources-config-var-remove-yes = Remove { $name }
resources-config-var-name-placeholder = NAME
resources-config-var-name = Config var name
resources-config-var-value-placeholder = value
resources-config-var-value = Config var value
resources-config-var-save-confirm = Saving { $name } restarts the app (about a minute; participants on a page then must reload).
resources-config-var-save-yes = Save { $name }
resources-config-var-saved = { $name } saved; the app restarts.
resources-config-var-presets = oTree's settings:{" "}
# A preset explained when picked, e.g. "OTREE_AUTH_LEVEL: who may open the admin pages".
resources-config-var-preset = { $name }: { $plain }

# Collaborators card
resources-people-title = Collaborators
# $role is Heroku's word (owner, collaborator, admin, member, viewer).
resources-people-role = { $role }
resources-people-remove-confirm = Remove { $email }? They can no longer change this app.
resources-invite-placeholder = name@university.edu
resources-invite-label = E-mail to invite
resources-invite = Invite

# Releases card
resources-releases-title = Releases
resources-releases-version = Version
resources-releases-description = What changed
resources-releases-who = Who
resources-releases-when = When
resources-releases-status = Status
resources-release-version = v{ $version }
# $status is Heroku's word (succeeded, failed, pending).
resources-release-status = { $status }
resources-release-current = current
resources-rollback = Roll back to this
resources-rollback-to = Roll back to v{ $version }
resources-rollback-confirm = The app goes back to the code and settings of v{ $version } (“{ $description }”) and restarts. Your database is not changed.
