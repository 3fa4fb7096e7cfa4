# Heroku's error codes as the Logs screen explains them (src-tauri/core/src/logs/codes.rs):
# a title and one line on what it means for the study and what to do.

# Logs and errors: HTTP errors (H codes)
code-h10-title = App crashed
code-h10-explanation = The study's server crashed, so participants see an error page. The error that crashed it is usually just before this line.
code-h11-title = Backlog too deep
code-h11-explanation = Too many participants at once: requests waited too long in line. Use a bigger dyno or spread the session starts.
code-h12-title = Request timeout
code-h12-explanation = A page took more than 30 seconds and the participant got an error. Usually slow code in a page (or the database); if it repeats, look at the traceback or use a bigger dyno.
code-h13-title = Connection closed without response
code-h13-explanation = The server dropped a request without answering, often because it ran out of memory or restarted. A restart usually helps.
code-h14-title = No web dynos running
code-h14-explanation = No web dyno is running, so nobody can open the study. Start one web dyno.
code-h15-title = Idle connection
code-h15-explanation = A connection sat idle for 55 seconds and was closed. Harmless for most studies.
code-h18-title = Server request interrupted
code-h18-explanation = The server ended a request early, often while restarting. If it repeats, restart the app.
code-h19-title = Backend connection timeout
code-h19-explanation = The server was too busy to accept a request in 5 seconds. Use a bigger dyno or fewer participants at once.
code-h20-title = App boot timeout
code-h20-explanation = The server took more than 75 seconds to start. Restart it; if it repeats, the log just before tells why.
code-h21-title = Backend connection refused
code-h21-explanation = The server refused a connection, usually while it restarts.
code-h27-title = Client request interrupted
code-h27-explanation = A participant closed the page or lost their connection before it loaded. Harmless.
code-h80-title = Maintenance mode
code-h80-explanation = The app is in maintenance mode, so participants see Heroku's maintenance page. Turn maintenance off to let them in.
code-h81-title = Blank app
code-h81-explanation = Nothing has been deployed to this app yet.
code-h82-title = Eco dyno hours used up
code-h82-explanation = The account's free Eco hours for this month are used up, so the study is asleep. Change the dyno to Basic, or wait for next month.
code-h99-title = Platform error
code-h99-explanation = Heroku itself had a problem, not your study. Check status.heroku.com.

# Logs and errors: runtime errors (R codes)
code-r10-title = Boot timeout
code-r10-explanation = The server did not start listening within 60 seconds and was stopped. Restart it; if it repeats, the log just before tells why.
code-r12-title = Exit timeout
code-r12-explanation = A dyno did not stop within 30 seconds after being asked and was killed. Usually harmless.
code-r13-title = Attach error
code-r13-explanation = A one-off command could not connect. Try it again.
code-r14-title = Memory quota exceeded
code-r14-explanation = The server uses more memory than its dyno has and is slowing down. See memory on the Metrics screen; use a bigger dyno if it stays high.
code-r15-title = Memory quota vastly exceeded
code-r15-explanation = The server used far too much memory and was stopped. Use a bigger dyno; see memory on the Metrics screen.
code-r16-title = Detached
code-r16-explanation = A one-off command lost its terminal. Harmless.
code-r17-title = Checksum error
code-r17-explanation = A file Heroku downloaded was damaged. Deploy again.

# Logs and errors: logging errors (L codes)
code-l10-title = Drain buffer overflow
code-l10-explanation = Log lines came faster than a log add-on could take them; some lines are missing there (not in your data).
code-l11-title = Tail buffer overflow
code-l11-explanation = Log lines came faster than this view could take them; some lines are missing here (not in your data).
code-l12-title = Local buffer overflow
code-l12-explanation = Too many log lines at once; some are missing (not in your data).
code-l13-title = Local delivery error
code-l13-explanation = Some log lines could not be delivered (not your data).
code-l14-title = Certificate validation error
code-l14-explanation = A log drain's certificate is not valid; that add-on receives no lines.

# Logs and errors: a code without its own explanation
code-other-title = Heroku error
code-other-explanation = Heroku reported an error with this code. Heroku's Dev Center page "Error Codes" describes it.
