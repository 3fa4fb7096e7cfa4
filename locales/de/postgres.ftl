# Die Seite Postgres (ui/screens/postgres.js) und ihre Karten: Teilnehmerdaten
# (ui/cards/participant_data.js), Backups (ui/cards/backups.js), Zurücksetzen (ui/cards/reset.js).

# Seite Postgres: Überschrift und Zustand der Datenbank
postgres-title = Postgres
postgres-health-title = Zustand der Datenbank
postgres-health-loading = Heroku wird gefragt …
postgres-health-none = Diese App hat keine Heroku-Postgres-Datenbank, daher kann oTree die Daten Ihrer Teilnehmenden nicht speichern. Fügen Sie auf der Seite „Ressourcen“ Heroku Postgres hinzu (essential-0 oder größer).
postgres-db-main = Die Datenbank Ihrer Studie
postgres-db-other = Eine weitere Datenbank
postgres-db-details = { $addon } · { $plan } · Postgres { $version }
postgres-db-status-available = Verfügbar
postgres-db-status-not-provisioned = noch nicht bereitgestellt
postgres-db-status-unknown = unbekannt
postgres-db-size = { $size } in { $tables ->
        [one] 1 Tabelle
       *[other] { $tables } Tabellen
    } · { $connections ->
        [one] 1 Verbindung
       *[other] { $connections } Verbindungen
    }
postgres-db-full-label = Wie voll die Datenbank ist
postgres-db-full = { $percent } % von { $limit } belegt
postgres-db-nearly-full = Die Datenbank ist fast voll. Ist sie voll, speichert Heroku keine Daten neuer Teilnehmender mehr. Laden Sie Ihre Daten herunter und wählen Sie dann einen größeren Plan, oder setzen Sie die Datenbank zurück.

# Seite Postgres: wo Dateien gespeichert werden
postgres-folder-line = Dateien werden gespeichert in { $folder }
postgres-folder-none = (kein Ordner gefunden)
postgres-folder-change = Ändern …
postgres-folder-desktop = Schreibtisch verwenden

# Karte Teilnehmerdaten
participant-data-title = Teilnehmerdaten
participant-data-intro = Die Dateien, die Ihnen auch die Data-Seite von oTree gibt: alle Apps in einer Datei (eine Zeile pro Teilnehmer:in), eine Datei pro App, Seitenzeiten und Chat. Sie werden direkt in einem datierten Ordner gespeichert (siehe oben); an der Studie ändert sich nichts. Novaland meldet sich mit der Einstellung OTREE_ADMIN_PASSWORD der App selbst im Admin-Bereich von oTree an, Sie müssen also nichts eingeben.
participant-data-practice = Übungsmodus: Die Dateien stammen aus einer abgeschlossenen Übungssitzung des oTree-Beispiels guess_two_thirds.
participant-data-for-excel = Für Excel (UTF-8 mit Byte-Order-Mark, damit Umlaute und Emoji richtig erscheinen)
participant-data-workbook = Zusätzlich eine Excel-Arbeitsmappe (.xlsx) mit einem Blatt pro Datei: öffnet sich in Excel in jeder Sprache richtig, während eine CSV-Datei dort in einer einzigen Spalte landen kann
participant-data-download = Daten herunterladen
participant-data-cancel = Abbrechen
participant-data-progress-label = Fortschritt des Downloads
participant-data-connecting = Verbindung zur Studie wird hergestellt …
participant-data-progress = Datei { $index } von { $total }: { $step } …
participant-data-step = { $step } …
participant-data-saved = { $count ->
    [one] 1 Datei ({ $size }) aus oTree { $version } gespeichert in { $folder }
   *[other] { $count } Dateien ({ $size }) aus oTree { $version } gespeichert in { $folder }
}
participant-data-workbook-saved = Dazu eine Excel-Arbeitsmappe, { $file }, mit einem Blatt pro Datei (Zahlen und Zeiten in Excels eigenem Format, die Kopfzeile fixiert).
participant-data-show-folder = Ordner anzeigen
participant-data-column-file = Datei
participant-data-column-what = Inhalt
participant-data-column-rows = Zeilen
participant-data-column-size = Größe
participant-data-what-wide = Alle Apps, eine Zeile pro Teilnehmer:in
participant-data-what-app = App { $app }, eine Zeile pro Spieler:in und Runde
participant-data-what-page-times = Seitenzeiten
participant-data-what-chat = Chatnachrichten

# Seite Postgres: Karte mit den Tabellen der Datenbank
postgres-tables-title = Tabellen der Datenbank herunterladen
postgres-tables-intro = Jede Tabelle der Datenbank Ihrer Studie als eigene CSV-Datei (Excel kann sie öffnen), direkt in einem datierten Ordner gespeichert (siehe oben). An der Datenbank ändert sich nichts. Nützlich, wenn der Server der Studie nicht läuft, oder für eine vollständige Kopie.
postgres-tables-practice = Im Übungsmodus gibt es keine echte Datenbank zum Auslesen. Mit Ihrem eigenen Konto speichert diese Schaltfläche die Tabellen Ihrer Studie.
postgres-tables-download = Tabellen herunterladen
postgres-tables-cancel = Abbrechen
postgres-tables-progress-label = Fortschritt des Downloads
postgres-tables-connecting = Verbindung zur Datenbank wird hergestellt …
postgres-tables-progress = { $done ->
    [yes] Tabelle { $index } von { $total }: { $table } ({ $size }) gespeichert
   *[no] Tabelle { $index } von { $total }: { $table } ({ $size }) …
}
postgres-tables-saved = { $count ->
    [one] 1 Tabelle ({ $size }) gespeichert in { $folder }
   *[other] { $count } Tabellen ({ $size }) gespeichert in { $folder }
}
postgres-show-folder = Ordner anzeigen
postgres-tables-column-table = Tabelle
postgres-tables-column-rows = Zeilen
postgres-tables-column-size = Größe

# Karte Backups
backups-title = Backups
backups-intro = Ein Backup ist eine vollständige Kopie der Datenbank, die Heroku aufbewahrt. Sie können es herunterladen, es lässt sich aber nur mit Postgres-Werkzeugen öffnen, nicht mit Excel; für Ihre Auswertung laden Sie besser die Tabellen oben herunter.
backups-capture = Jetzt sichern
backups-cancel = Abbrechen
backups-capture-progress-label = Fortschritt des Backups
backups-capture-asking = Heroku wird gebeten, die Datenbank zu sichern …
backups-capture-progress = Wird gesichert: { $done } von { $total }
backups-capture-ready = Backup { $name } ist fertig ({ $size }).
backups-download-progress-label = Fortschritt des Downloads
backups-download-starting = { $name } wird heruntergeladen …
backups-download-progress = { $name } wird heruntergeladen: { $done } von { $total }
backups-download-saved = { $name } gespeichert als { $path }
backups-show-folder = Ordner anzeigen
backups-loading = Heroku wird gefragt …
backups-none = Es gibt noch keine Backups. Sichern Sie vor jeder Sitzung und vor jedem Zurücksetzen.
backups-column-backup = Backup
backups-column-made = Erstellt
backups-column-size = Größe
backups-column-state = Stand
backups-scheduled = täglicher Zeitplan
backups-status = { $status ->
    [capturing] läuft
    [succeeded] erfolgreich
    [failed] fehlgeschlagen
    [cancelled] abgebrochen
   *[other] { $status }
}
backups-download = Herunterladen
backups-restore = Wiederherstellen …
backups-delete = Löschen

# Karte Backups: ein Backup zurückspielen
backups-restore-action = { $name } wiederherstellen
backups-restore-question = Backup { $name } zurückspielen?
backups-restore-explain = Die Datenbank bekommt wieder den Inhalt, den sie hatte, als { $name } erstellt wurde ({ $made }). { $replaced } alles, was jetzt darin ist, auch die Teilnehmenden seitdem. Novaland sichert das vorher als neues Backup, sodass Sie wieder zurückkehren können; während der Wiederherstellung sehen Teilnehmende die Wartungsseite von Heroku.
backups-restore-replaced = Ersetzt wird:
backups-restore-keep = Datenbank so lassen
backups-restore-step-backup = Aktuellen Inhalt der Datenbank sichern
backups-restore-step-maintenance = Wartungsmodus einschalten
backups-restore-step-restore = { $name } in die Datenbank zurückspielen
backups-restore-step-live = Wartungsmodus ausschalten
postgres-step-state = { $state ->
    [running] läuft
    [done] erledigt
    [failed] fehlgeschlagen
   *[other] { $state }
}
backups-restore-done = Fertig. Die Datenbank enthält wieder { $restored }; { $safety } bewahrt den vorherigen Inhalt.

# Karte Backups: ein Backup löschen
backups-delete-action = { $name } löschen
backups-delete-question = Backup { $name } löschen?
backups-delete-explain = Diese Kopie ({ $size }, erstellt { $made }) wird endgültig von Heroku entfernt. Ihre Datenbank, deren Daten und die anderen Backups bleiben erhalten.
backups-delete-keep = Behalten
backups-delete-done = Backup { $name } wurde gelöscht.

# Karte Backups: der tägliche Zeitplan
backups-schedule-loading = Täglicher Zeitplan wird gelesen …
backups-schedule-hour-label = Uhrzeit des täglichen Backups
backups-schedule-chip-on = an
backups-schedule-on = { $when ->
    [hour-zone] Heroku sichert die Datenbank täglich um { $hour } Uhr ({ $zone }) und behält die letzten 7.
    [hour] Heroku sichert die Datenbank täglich um { $hour } Uhr und behält die letzten 7.
   *[any] Heroku sichert die Datenbank täglich und behält die letzten 7.
}
backups-schedule-change = Uhrzeit ändern
backups-schedule-turn-off = Ausschalten
backups-schedule-chip-off = aus
backups-schedule-off = Kein tägliches Backup. Schalten Sie es ein, damit jeden Tag eine Kopie entsteht, solange Ihre Studie läuft.
backups-schedule-turn-on = Tägliche Backups einschalten

# Karte Zurücksetzen
reset-title = Datenbank zurücksetzen
reset-what = Zwischen Pilotstudie und eigentlicher Studie. { $deleted } alle Teilnehmenden, Sitzungen und alles, was oTree gespeichert hat. { $kept } Ihre Backups, Einstellungen, Add-ons und die App selbst.
reset-deleted = Gelöscht werden:
reset-kept = Erhalten bleiben:
reset-how = Bevor etwas gelöscht wird, sichert Novaland die Datenbank und wartet, bis Heroku das Backup als erfolgreich meldet; dann speichert es die Teilnehmerdaten in Ihrem Ordner: die Dateien von oTree und jede Tabelle der Datenbank. Schlägt das Backup fehl oder konnte keine Kopie der Daten gespeichert werden, wird nichts zurückgesetzt. Während des Zurücksetzens zeigt die Studie die Wartungsseite von Heroku und ihr Server ist angehalten (oTree kann keine Datenbank leeren, die der Server noch benutzt); danach startet er wieder genau wie zuvor, auch wenn das Zurücksetzen fehlschlägt.
reset-save-first = Teilnehmerdaten vorher auf meinem Computer speichern
reset-save-first-practice = (Übung: nur die Dateien von oTree; es gibt keine echten Tabellen)
reset-action = Datenbank zurücksetzen
reset-cancel = Abbrechen
reset-step-backup = Datenbank sichern (Heroku muss Erfolg melden)
reset-step-download = Teilnehmerdaten auf Ihrem Computer speichern
reset-step-reset = Datenbank zurücksetzen
reset-step-restart = Server der Studie neu starten
reset-done = Fertig. Die Datenbank ist leer; Backup { $backup } enthält alles von vorher.
reset-output-label = Ausgabe von otree resetdb
