<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Saved Clouds</source>
        <translation>Gespeicherte Clouds</translation>
    </message>
</context>
<context>
    <name>sv::AppSettings</name>
    <message>
        <source>%1: [%2] %3 = &quot;%4&quot; is not a yes/no value; write true or false (yes/no, on/off and 1/0 work too).</source>
        <translation>%1: [%2] %3 = &quot;%4&quot; ist kein Ja/Nein-Wert; schreiben Sie true oder false (yes/no, on/off und 1/0 gehen auch).</translation>
    </message>
    <message>
        <source>%1: [protection] back_up_volumes: %2</source>
        <translation>%1: [protection] back_up_volumes: %2</translation>
    </message>
</context>
<context>
    <name>sv::BackupJob</name>
    <message>
        <source>Back up %1</source>
        <translation>%1 sichern</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>There is no server named %1 in cloud %2.</source>
        <translation>In der Cloud %2 gibt es keinen Server namens %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n servers are named %1 in cloud %2; give the server&apos;s id instead.</source>
        <translation>
            <numerusform>%n Server heißt %1 in der Cloud %2; geben Sie stattdessen die ID des Servers an.</numerusform>
            <numerusform>%n Server heißen %1 in der Cloud %2; geben Sie stattdessen die ID des Servers an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The original image %1 of server %2 no longer exists, so it cannot be backed up alone. Turn on &quot;Include server data&quot; to back up a snapshot of the server instead.</source>
        <translation>Das Originalabbild %1 von Server %2 existiert nicht mehr und kann daher nicht allein gesichert werden. Schalten Sie „Serverdaten einschließen“ ein, um stattdessen einen Snapshot des Servers zu sichern.</translation>
    </message>
    <message>
        <source>The snapshot of server %1 disappeared while it was being made (OpenStack deletes a failed snapshot). Check the server&apos;s state and try again.</source>
        <translation>Der Snapshot von Server %1 ist während der Erstellung verschwunden (OpenStack löscht einen fehlgeschlagenen Snapshot). Prüfen Sie den Zustand des Servers und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The snapshot of server %1 ended in status %2 instead of active; OpenStack could not save the server&apos;s disk. Check the compute and image services&apos; logs, then try again.</source>
        <translation>Der Snapshot von Server %1 endete im Status %2 statt active; OpenStack konnte die Festplatte des Servers nicht speichern. Prüfen Sie die Protokolle des Compute- und des Image-Dienstes und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>the snapshot of server %1</source>
        <translation>der Snapshot von Server %1</translation>
    </message>
    <message>
        <source>image %1 of server %2</source>
        <translation>Abbild %1 von Server %2</translation>
    </message>
    <message>
        <source>The download of %1 ended after %2 of %3 bytes; nothing was saved. Try again.</source>
        <translation>Der Download von %1 endete nach %2 von %3 Bytes; es wurde nichts gespeichert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The bytes downloaded for %1 do not match the image&apos;s MD5 checksum; nothing was saved. Try again; if it persists, the image in the cloud may be damaged.</source>
        <translation>Die für %1 heruntergeladenen Bytes passen nicht zur MD5-Prüfsumme des Abbilds; es wurde nichts gespeichert. Versuchen Sie es erneut; bleibt der Fehler, ist das Abbild in der Cloud möglicherweise beschädigt.</translation>
    </message>
    <message>
        <source>expected md5 %1, got %2</source>
        <translation>md5 %1 erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>The bytes downloaded for %1 do not match the image&apos;s SHA-512 hash; nothing was saved.</source>
        <translation>Die für %1 heruntergeladenen Bytes passen nicht zum SHA-512-Hash des Abbilds; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>expected sha512 %1, got %2</source>
        <translation>sha512 %1 erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>%1 has no data (0 bytes); nothing was saved.</source>
        <translation>%1 enthält keine Daten (0 Bytes); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Internal error: the checkpoint has no image resource for server %1.</source>
        <translation>Interner Fehler: Der Sicherungspunkt enthält keine Abbild-Ressource für Server %1.</translation>
    </message>
    <message>
        <source>Backed up the original image of server %1 (%2 bytes); data written since boot is not included.</source>
        <translation>Das Originalabbild von Server %1 wurde gesichert (%2 Bytes); seit dem Start geschriebene Daten sind nicht enthalten.</translation>
    </message>
    <message>
        <source>Backed up server %1 with its data (%2 bytes, %3 bytes new in the backup storage; %4).</source>
        <translation>Server %1 mit seinen Daten gesichert (%2 Bytes, %3 Bytes neu im Sicherungsspeicher; %4).</translation>
    </message>
    <message>
        <source>Server %1 has no attached volume, so %2 cannot be backed up with it.</source>
        <translation>An Server %1 ist kein Volume angehängt, daher kann %2 nicht mit ihm gesichert werden.</translation>
    </message>
    <message>
        <source>Server %1 has no attached volume %2; its attached volumes are: %3. Choose among those (by name or id), or all or none.</source>
        <translation>An Server %1 ist kein Volume %2 angehängt; angehängt sind: %3. Wählen Sie unter diesen (nach Name oder ID) oder all bzw. none.</translation>
    </message>
    <message>
        <source>Volume %1 attached to server %2 cannot be backed up: Cinder could not describe it (%3). Try again, or leave the volume out of the backup.</source>
        <translation>Das an Server %2 angehängte Volume %1 kann nicht gesichert werden: Cinder konnte es nicht beschreiben (%3). Versuchen Sie es erneut oder lassen Sie das Volume bei der Sicherung weg.</translation>
    </message>
    <message>
        <source>Cinder could not snapshot volume %1 of server %2: %3</source>
        <translation>Cinder konnte keinen Snapshot von Volume %1 des Servers %2 erstellen: %3</translation>
    </message>
    <message>
        <source>Nova&apos;s snapshot of server %1, which boots from a volume, names no volume snapshot (its block_device_mapping is empty or unreadable); nothing was backed up.</source>
        <translation>Novas Snapshot des von einem Volume startenden Servers %1 nennt keinen Volume-Snapshot (sein block_device_mapping ist leer oder unlesbar); es wurde nichts gesichert.</translation>
    </message>
    <message>
        <source>The volume snapshot %1 that Nova made of server %2 cannot be read: %3</source>
        <translation>Der Volume-Snapshot %1, den Nova von Server %2 erstellt hat, kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Backing up volume %1 of server %2 failed: %3 Check the block storage service&apos;s logs, then try again.</source>
        <translation>Die Sicherung von Volume %1 des Servers %2 ist fehlgeschlagen: %3 Prüfen Sie die Protokolle des Block-Storage-Dienstes und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Backing up volume %1 of server %2 failed: %3</source>
        <translation>Die Sicherung von Volume %1 des Servers %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Temporary copy of volume %1 made by a StackVault backup of server %2; deleted when the backup ends.</source>
        <translation>Temporäre Kopie von Volume %1, angelegt von einer StackVault-Sicherung des Servers %2; wird am Ende der Sicherung gelöscht.</translation>
    </message>
    <message>
        <source>Cinder could not make a temporary volume from the snapshot of volume %1 (server %2): %3</source>
        <translation>Cinder konnte aus dem Snapshot von Volume %1 (Server %2) kein temporäres Volume erstellen: %3</translation>
    </message>
    <message>
        <source>the temporary copy of volume %1</source>
        <translation>die temporäre Kopie von Volume %1</translation>
    </message>
    <message>
        <source>The temporary volume made from the snapshot of volume %1 (server %2) did not become available: %3</source>
        <translation>Das aus dem Snapshot von Volume %1 (Server %2) erstellte temporäre Volume wurde nicht verfügbar: %3</translation>
    </message>
    <message>
        <source>Cinder could not copy volume %1 of server %2 into a temporary image: %3</source>
        <translation>Cinder konnte Volume %1 des Servers %2 nicht in ein temporäres Abbild kopieren: %3</translation>
    </message>
    <message>
        <source>Cinder&apos;s copy of volume %1 (server %2) into a temporary image failed: %3 Check the block storage and image services&apos; logs, then try again.</source>
        <translation>Das Kopieren von Volume %1 (Server %2) in ein temporäres Abbild durch Cinder ist fehlgeschlagen: %3 Prüfen Sie die Protokolle des Block-Storage- und des Image-Dienstes und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>volume %1 of server %2</source>
        <translation>Volume %1 von Server %2</translation>
    </message>
    <message>
        <source>The download of %1 failed: %2</source>
        <translation>Der Download von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Volumes included: %1.</source>
        <translation>Enthaltene Volumes: %1.</translation>
    </message>
    <message>
        <source>snapshot %1 of server %2</source>
        <translation>Snapshot %1 von Server %2</translation>
    </message>
    <message>
        <source>image %1 (a copy of volume %2)</source>
        <translation>Abbild %1 (eine Kopie von Volume %2)</translation>
    </message>
    <message>
        <source>volume %1 (a copy of volume %2)</source>
        <translation>Volume %1 (eine Kopie von Volume %2)</translation>
    </message>
    <message>
        <source>volume snapshot %1</source>
        <translation>Volume-Snapshot %1</translation>
    </message>
    <message>
        <source>volume snapshot %1 (of volume %2)</source>
        <translation>Volume-Snapshot %1 (von Volume %2)</translation>
    </message>
    <message>
        <source>Something the backup made could not be deleted: the temporary %1 (%2). StackVault tries again when the desktop app starts next or before the next backup or restore on this cloud.</source>
        <translation>Etwas, das die Sicherung angelegt hat, konnte nicht gelöscht werden: temporär %1 (%2). StackVault versucht es erneut, wenn die Desktop-App das nächste Mal startet oder vor der nächsten Sicherung oder Wiederherstellung in dieser Cloud.</translation>
    </message>
    <message>
        <source>The server groups of server %1 could not be read: %2</source>
        <translation>Die Servergruppen von Server %1 konnten nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::BankService</name>
    <message>
        <source>Backup storage &quot;%1&quot;: a Swift container is given as swift:CLOUD/CONTAINER (a saved cloud&apos;s name and a container name).</source>
        <translation>Sicherungsspeicher „%1“: Ein Swift-Container wird als swift:CLOUD/CONTAINER angegeben (der Name einer gespeicherten Cloud und ein Container-Name).</translation>
    </message>
    <message>
        <source>StackVault has not signed in to the cloud %1 of the backup storage yet; wait for the backups list to load.</source>
        <translation>StackVault hat sich noch nicht bei der Cloud %1 des Sicherungsspeichers angemeldet; warten Sie, bis die Liste der Sicherungen geladen ist.</translation>
    </message>
    <message>
        <source>The backup storage is a Swift container of the cloud %1, which is not saved. Choose another backup storage in Preferences (or --bank), or save the cloud.</source>
        <translation>Der Sicherungsspeicher ist ein Swift-Container der Cloud %1, die nicht gespeichert ist. Wählen Sie in den Einstellungen (oder mit --bank) einen anderen Sicherungsspeicher, oder speichern Sie die Cloud.</translation>
    </message>
    <message>
        <source>StackVault is shutting down.</source>
        <translation>StackVault wird beendet.</translation>
    </message>
    <message>
        <source>No backup storage is set: give a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET.</source>
        <translation>Es ist kein Sicherungsspeicher festgelegt: Geben Sie einen Ordner, swift:CLOUD/CONTAINER oder s3:PROFILE/BUCKET an.</translation>
    </message>
    <message>
        <source>Backup storage &quot;%1&quot;: an S3 bucket is given as s3:PROFILE/BUCKET (a saved S3 profile&apos;s name and a bucket name).</source>
        <translation>Sicherungsspeicher „%1“: Ein S3-Bucket wird als s3:PROFILE/BUCKET angegeben (der Name eines gespeicherten S3-Profils und ein Bucket-Name).</translation>
    </message>
    <message>
        <source>The S3 backup storage %1 is not open yet; wait for the backups list to load.</source>
        <translation>Der S3-Sicherungsspeicher %1 ist noch nicht geöffnet; warten Sie, bis die Liste der Sicherungen geladen ist.</translation>
    </message>
    <message>
        <source>%1 Give it in %2 or run the command in a terminal.</source>
        <translation>%1 Geben Sie sie in %2 an oder führen Sie den Befehl in einem Terminal aus.</translation>
    </message>
    <message>
        <source>The backup storage %1 names the S3 profile %2, which is not saved. Add it in Preferences (or with stackvault-cli s3 add %2 ...).</source>
        <translation>Der Sicherungsspeicher %1 nennt das S3-Profil %2, das nicht gespeichert ist. Fügen Sie es in den Einstellungen hinzu (oder mit stackvault-cli s3 add %2 ...).</translation>
    </message>
    <message>
        <source>No secret key of S3 profile %1 is in the keyring. Enter it again in Preferences (or with stackvault-cli s3 add %1 ...).</source>
        <translation>Im Schlüsselbund ist kein geheimer Schlüssel des S3-Profils %1. Geben Sie ihn in den Einstellungen erneut ein (oder mit stackvault-cli s3 add %1 ...).</translation>
    </message>
</context>
<context>
    <name>sv::CheckpointDetails</name>
    <message>
        <source>original image</source>
        <translation>Originalabbild</translation>
    </message>
    <message>
        <source>crash-consistent</source>
        <translation>absturzkonsistent</translation>
    </message>
    <message>
        <source>quiesce requested</source>
        <translation>Stilllegung angefordert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (os_require_quiesce=yes)</source>
        <translation>%1 (os_require_quiesce=yes)</translation>
    </message>
    <message>
        <source>No snapshot was taken: this is the image the server booted from, without the data written since boot.</source>
        <translation>Es wurde kein Snapshot erstellt: Dies ist das Abbild, von dem der Server gestartet wurde, ohne die seit dem Start geschriebenen Daten.</translation>
    </message>
    <message>
        <source>A snapshot taken without asking the guest to freeze its file systems (the image has no QEMU guest agent): the disk is as after a power cut.</source>
        <translation>Ein Snapshot, ohne den Gast zu bitten, seine Dateisysteme einzufrieren (das Abbild hat keinen QEMU-Gastagenten): Die Festplatte ist wie nach einem Stromausfall.</translation>
    </message>
    <message>
        <source>A snapshot of a server whose image has the QEMU guest agent, so Nova tried to freeze the guest&apos;s file systems first; with os_require_quiesce=yes it fails a live snapshot whose freeze fails. The OpenStack API does not report whether the freeze happened.</source>
        <translation>Ein Snapshot eines Servers, dessen Abbild den QEMU-Gastagenten hat; Nova hat daher zuerst versucht, die Dateisysteme des Gastes einzufrieren. Mit os_require_quiesce=yes lässt Nova einen Live-Snapshot scheitern, wenn das Einfrieren scheitert. Die OpenStack-API meldet nicht, ob eingefroren wurde.</translation>
    </message>
    <message>
        <source>A snapshot of a server whose image has the QEMU guest agent, so Nova tried to freeze the guest&apos;s file systems first; if the freeze failed, Nova went on without it. The OpenStack API does not report whether the freeze happened.</source>
        <translation>Ein Snapshot eines Servers, dessen Abbild den QEMU-Gastagenten hat; Nova hat daher zuerst versucht, die Dateisysteme des Gastes einzufrieren. Ist das gescheitert, hat Nova ohne Einfrieren weitergemacht. Die OpenStack-API meldet nicht, ob eingefroren wurde.</translation>
    </message>
    <message>
        <source>This backup does not record how consistent its disk is.</source>
        <translation>Diese Sicherung hält nicht fest, wie konsistent ihre Festplatte ist.</translation>
    </message>
    <message>
        <source>Attached volumes NOT included in this backup: %1.</source>
        <translation>Angehängte Volumes, die diese Sicherung NICHT enthält: %1.</translation>
    </message>
</context>
<context>
    <name>sv::CloudConfigImporter</name>
    <message>
        <source>%1: there is no cloud named &quot;%2&quot; (found: %3).</source>
        <translation>%1: Es gibt keine Cloud namens „%2“ (gefunden: %3).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>No clouds.yaml was found (looked in $OS_CLIENT_CONFIG_FILE, %1).</source>
        <translation>Keine clouds.yaml gefunden (gesucht in $OS_CLIENT_CONFIG_FILE, %1).</translation>
    </message>
    <message>
        <source>environment variable OS_CLOUD names &quot;%1&quot;, but no clouds.yaml was found (looked in $OS_CLIENT_CONFIG_FILE, %2).</source>
        <translation>Die Umgebungsvariable OS_CLOUD nennt „%1“, aber keine clouds.yaml wurde gefunden (gesucht in $OS_CLIENT_CONFIG_FILE, %2).</translation>
    </message>
    <message>
        <source>environment variable OS_CLOUD: %1 has no cloud named &quot;%2&quot; (found: %3).</source>
        <translation>Umgebungsvariable OS_CLOUD: %1 hat keine Cloud namens „%2“ (gefunden: %3).</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
    <message>
        <source>Neither OS_AUTH_URL nor OS_CLOUD is set: load your OpenStack RC file first (for example `source project-openrc.sh`).</source>
        <translation>Weder OS_AUTH_URL noch OS_CLOUD ist gesetzt: Laden Sie zuerst Ihre OpenStack-RC-Datei (zum Beispiel `source project-openrc.sh`).</translation>
    </message>
    <message>
        <source>%1: not valid YAML: %2</source>
        <translation>%1: kein gültiges YAML: %2</translation>
    </message>
    <message>
        <source>%1 (key %2): not valid YAML: %3</source>
        <translation>%1 (Schlüssel %2): kein gültiges YAML: %3</translation>
    </message>
    <message>
        <source>%1: there is no key clouds, so no cloud is defined.</source>
        <translation>%1: Es gibt keinen Schlüssel clouds, daher ist keine Cloud definiert.</translation>
    </message>
    <message>
        <source>%1: key clouds: the file must be a map with a key clouds.</source>
        <translation>%1: Schlüssel clouds: Die Datei muss eine Zuordnung mit dem Schlüssel clouds sein.</translation>
    </message>
    <message>
        <source>%1: key clouds: expected a map of cloud names to settings.</source>
        <translation>%1: Schlüssel clouds: Erwartet wird eine Zuordnung von Cloud-Namen zu Einstellungen.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>%1: key %2: expected a map of settings.</source>
        <translation>%1: Schlüssel %2: Erwartet wird eine Zuordnung von Einstellungen.</translation>
    </message>
    <message>
        <source>%1: key %2: client certificates are not supported; ignored.</source>
        <translation>%1: Schlüssel %2: Client-Zertifikate werden nicht unterstützt; ignoriert.</translation>
    </message>
    <message>
        <source>%1: key &lt;&lt;: a merge key must name a map (like &lt;&lt;: *base).</source>
        <translation>%1: Schlüssel &lt;&lt;: Ein Merge-Schlüssel muss eine Zuordnung nennen (etwa &lt;&lt;: *base).</translation>
    </message>
    <message>
        <source>%1: key %2: expected a map (auth_url, username, password, ...).</source>
        <translation>%1: Schlüssel %2: Erwartet wird eine Zuordnung (auth_url, username, password, ...).</translation>
    </message>
    <message>
        <source>%1: key %2 is not used by StackVault; ignored.</source>
        <translation>%1: Schlüssel %2 wird von StackVault nicht verwendet; ignoriert.</translation>
    </message>
    <message>
        <source>%1: key %2: expected a list of region names.</source>
        <translation>%1: Schlüssel %2: Erwartet wird eine Liste von Regionsnamen.</translation>
    </message>
    <message>
        <source>%1: key %2: each region must be a name or a map with a key name.</source>
        <translation>%1: Schlüssel %2: Jede Region muss ein Name oder eine Zuordnung mit dem Schlüssel name sein.</translation>
    </message>
    <message>
        <source>%1: key %2: expected a single value, not a list or map.</source>
        <translation>%1: Schlüssel %2: Erwartet wird ein einzelner Wert, keine Liste oder Zuordnung.</translation>
    </message>
    <message>
        <source>%1: key %2: %3</source>
        <translation>%1: Schlüssel %2: %3</translation>
    </message>
    <message>
        <source>%1: cloud &quot;%2&quot;: key auth.auth_url (or OS_AUTH_URL) is missing.</source>
        <translation>%1: Cloud „%2“: Der Schlüssel auth.auth_url (oder OS_AUTH_URL) fehlt.</translation>
    </message>
    <message>
        <source>Vendor profiles (key profile: %1) are not supported; write the vendor&apos;s auth_url into the cloud.</source>
        <translation>Anbieterprofile (Schlüssel profile: %1) werden nicht unterstützt; tragen Sie die auth_url des Anbieters in die Cloud ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>„%1“ ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>Keystone v%1 is not supported; StackVault needs the Identity v3 API.</source>
        <translation>Keystone v%1 wird nicht unterstützt; StackVault braucht die Identity-v3-API.</translation>
    </message>
    <message>
        <source>auth type &quot;%1&quot; is not supported; use password or v3applicationcredential.</source>
        <translation>Der Anmeldetyp „%1“ wird nicht unterstützt; verwenden Sie password oder v3applicationcredential.</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot;: the project is ignored because an application credential carries its own.</source>
        <translation>Cloud „%1“: Das Projekt wird ignoriert, weil Anwendungszugangsdaten ihr eigenes mitbringen.</translation>
    </message>
    <message>
        <source>region &quot;%1&quot; is not one of the cloud&apos;s regions (%2).</source>
        <translation>Die Region „%1“ gehört nicht zu den Regionen der Cloud (%2).</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot; lists the regions %2; using %3. Add another cloud for each other region.</source>
        <translation>Cloud „%1“ nennt die Regionen %2; verwendet wird %3. Fügen Sie für jede weitere Region eine eigene Cloud hinzu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface; use public, internal or admin.</source>
        <translation>„%1“ ist keine Schnittstelle; verwenden Sie public, internal oder admin.</translation>
    </message>
    <message>
        <source>expected true or false, not &quot;%1&quot;.</source>
        <translation>true oder false erwartet, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1: cloud &quot;%2&quot;: %3</source>
        <translation>%1: Cloud „%2“: %3</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::CloudProfile</name>
    <message>
        <source>The cloud needs a name.</source>
        <translation>Die Cloud braucht einen Namen.</translation>
    </message>
    <message>
        <source>The cloud&apos;s name must not start or end with spaces.</source>
        <translation>Der Name der Cloud darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The authentication URL must be an http:// or https:// address, such as https://keystone.example.com:5000/v3.</source>
        <translation>Die Authentifizierungs-URL muss eine http://- oder https://-Adresse sein, etwa https://keystone.example.com:5000/v3.</translation>
    </message>
    <message>
        <source>The interface must be public, internal or admin.</source>
        <translation>Die Schnittstelle muss public, internal oder admin sein.</translation>
    </message>
    <message>
        <source>Password authentication needs a user name or user id.</source>
        <translation>Die Anmeldung mit Passwort braucht einen Benutzernamen oder eine Benutzer-ID.</translation>
    </message>
    <message>
        <source>Application credential authentication needs the credential&apos;s id, or its name together with the user&apos;s name or id.</source>
        <translation>Die Anmeldung mit Anwendungszugangsdaten braucht deren ID oder deren Namen zusammen mit dem Namen oder der ID des Benutzers.</translation>
    </message>
</context>
<context>
    <name>sv::CloudSessions</name>
    <message>
        <source>There is no saved cloud named %1. Add it first (Clouds → Add, or `stackvault-cli clouds add`).</source>
        <translation>Es gibt keine gespeicherte Cloud namens %1. Fügen Sie sie zuerst hinzu (Clouds → Hinzufügen oder `stackvault-cli clouds add`).</translation>
    </message>
    <message>
        <source>Cloud %1: %2</source>
        <translation>Cloud %1: %2</translation>
    </message>
</context>
<context>
    <name>sv::CopyCheckpointJob</name>
    <message>
        <source>Copy backup %1</source>
        <translation>Sicherung %1 kopieren</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 has a copy of it that cannot be read: %3 Delete it there (or run prune), then copy again.</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Der Ziel-Sicherungsspeicher %2 enthält eine Kopie davon, die nicht gelesen werden kann: %3 Löschen Sie sie dort (oder führen Sie prune aus) und kopieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 is busy and its copy of the backup is still being written (status protecting). Wait until the other copy or backup ends and try again; if none runs, run prune on %2 first.</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Der Ziel-Sicherungsspeicher %2 ist belegt, und seine Kopie der Sicherung wird noch geschrieben (Status protecting). Warten Sie, bis die andere Kopie oder Sicherung endet, und versuchen Sie es erneut; läuft keine, führen Sie zuerst prune auf %2 aus.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the unfinished copy in the target backup storage %2 (status %3) cannot be removed: %4</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Die unvollständige Kopie im Ziel-Sicherungsspeicher %2 (Status %3) kann nicht entfernt werden: %4</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the source backup storage %2 cannot be opened: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Der Quell-Sicherungsspeicher %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 cannot be opened: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Der Ziel-Sicherungsspeicher %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the source backup storage %2 is busy: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Der Quell-Sicherungsspeicher %2 ist belegt: %3</translation>
    </message>
    <message>
        <source>Backup %1 is not in the backup storage %2. List the backups there and check the id.</source>
        <translation>Die Sicherung %1 ist nicht im Sicherungsspeicher %2. Listen Sie die Sicherungen dort auf und prüfen Sie die ID.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: its index in %2 cannot be read: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Ihr Index in %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>Backup %1 in %2 is %3, not available: only a complete backup can be copied.</source>
        <translation>Die Sicherung %1 in %2 ist %3, nicht available: Nur eine vollständige Sicherung kann kopiert werden.</translation>
    </message>
    <message>
        <source>Backup %1 is already in %2: nothing copied.</source>
        <translation>Die Sicherung %1 ist bereits in %2: nichts kopiert.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1 into %2: %3</source>
        <translation>Sicherung %1 kann nicht nach %2 kopiert werden: %3</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>Das Kopieren wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Copy of backup %1 cancelled; its unfinished copy in %2 is marked failed (the next copy replaces it).</source>
        <translation>Kopieren der Sicherung %1 abgebrochen; ihre unvollständige Kopie in %2 ist als fehlgeschlagen markiert (das nächste Kopieren ersetzt sie).</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: reading %2 %3 from %4 failed: %5 Run verify on %4 to see what is damaged.</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Das Lesen von %2 %3 aus %4 ist fehlgeschlagen: %5 Führen Sie verify auf %4 aus, um zu sehen, was beschädigt ist.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: writing into %2 failed: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Das Schreiben nach %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>the copy of %1 %2 has %3 bytes and sha512 %4, the source recorded %5 bytes and sha512 %6</source>
        <translation>die Kopie von %1 %2 hat %3 Bytes und sha512 %4, die Quelle verzeichnete %5 Bytes und sha512 %6</translation>
    </message>
    <message>
        <source>Cannot copy backup %1 into %2: %3.</source>
        <translation>Sicherung %1 kann nicht nach %2 kopiert werden: %3.</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: committing it in %2 failed: %3</source>
        <translation>Sicherung %1 kann nicht kopiert werden: Das Abschließen in %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>Copied backup %1 from %2 to %3 in %4 s: %5 read, %6 new to the target (%7 stored), %n chunk(s) new, %8 already there.</source>
        <translation>
            <numerusform>Sicherung %1 in %4 s von %2 nach %3 kopiert: %5 gelesen, %6 neu im Ziel (%7 gespeichert), %n Chunk neu, %8 bereits vorhanden.</numerusform>
            <numerusform>Sicherung %1 in %4 s von %2 nach %3 kopiert: %5 gelesen, %6 neu im Ziel (%7 gespeichert), %n Chunks neu, %8 bereits vorhanden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sv::DeleteCheckpointJob</name>
    <message>
        <source>The backup %1 could not be deleted: %2</source>
        <translation>Die Sicherung %1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted backup %1. Freed %2 (%n chunk(s)).</source>
        <translation>
            <numerusform>Sicherung %1 gelöscht. %2 freigegeben (%n Block).</numerusform>
            <numerusform>Sicherung %1 gelöscht. %2 freigegeben (%n Blöcke).</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted backup %1. Unused chunks will be removed later: %2</source>
        <translation>Sicherung %1 gelöscht. Nicht mehr benutzte Blöcke werden später entfernt: %2</translation>
    </message>
</context>
<context>
    <name>sv::ExportJob</name>
    <message>
        <source>Export backup %1</source>
        <translation>Sicherung %1 exportieren</translation>
    </message>
    <message>
        <source>Backup %1 holds no disk to export.</source>
        <translation>Die Sicherung %1 enthält keinen Datenträger zum Exportieren.</translation>
    </message>
    <message>
        <source>Backup %1 has no disk %2. Its disks: %3.</source>
        <translation>Die Sicherung %1 hat keinen Datenträger %2. Ihre Datenträger: %3.</translation>
    </message>
    <message>
        <source>Backup %1 has several disks named %2: give the id. Its disks: %3.</source>
        <translation>Die Sicherung %1 hat mehrere Datenträger namens %2: Geben Sie die ID an. Ihre Datenträger: %3.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the backup storage %2 cannot be opened: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der Sicherungsspeicher %2 lässt sich nicht öffnen: %3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the backup storage %2 is busy: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der Sicherungsspeicher %2 ist belegt: %3</translation>
    </message>
    <message>
        <source>Backup %1 is not in the backup storage %2. List the backups there and check the id.</source>
        <translation>Die Sicherung %1 ist nicht im Sicherungsspeicher %2. Listen Sie die Sicherungen dort auf und prüfen Sie die ID.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: its index in %2 cannot be read: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Ihr Index in %2 lässt sich nicht lesen: %3</translation>
    </message>
    <message>
        <source>Backup %1 is %2, not available: only a complete backup can be exported.</source>
        <translation>Die Sicherung %1 ist %2, nicht verfügbar: Nur eine vollständige Sicherung kann exportiert werden.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the folder %2 does not exist.</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 exists already. Choose another name, or replace it (--force).</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: %2 existiert bereits. Wählen Sie einen anderen Namen oder ersetzen Sie die Datei (--force).</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2: its format %3 cannot be converted.</source>
        <translation>Der Datenträger %1 der Sicherung %2 kann nicht exportiert werden: Sein Format %3 lässt sich nicht umwandeln.</translation>
    </message>
    <message>
        <source>Cannot export backup %1 as %2: converting its disk needs qemu-img, which is not installed (Debian package qemu-utils).</source>
        <translation>Die Sicherung %1 kann nicht als %2 exportiert werden: Zum Umwandeln ihres Datenträgers wird qemu-img benötigt, das nicht installiert ist (Debian-Paket qemu-utils).</translation>
    </message>
    <message>
        <source>Export of backup %1 cancelled; its unfinished files were removed.</source>
        <translation>Export der Sicherung %1 abgebrochen; die unfertigen Dateien wurden entfernt.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 cannot be renamed to %3: %4</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: %2 lässt sich nicht in %3 umbenennen: %4</translation>
    </message>
    <message numerus="yes">
        <source>Exported backup %1 as %2 in %3 s: %n file(s), %4 (%5 on disk): %6</source>
        <translation>
            <numerusform>Sicherung %1 als %2 in %3 s exportiert: %n Datei, %4 (%5 auf dem Datenträger): %6</numerusform>
            <numerusform>Sicherung %1 als %2 in %3 s exportiert: %n Dateien, %4 (%5 auf dem Datenträger): %6</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 cannot be created: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: %2 lässt sich nicht anlegen: %3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: writing %2 failed: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Das Schreiben von %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 (%3) cannot be read back intact from %4: %5%6 Nothing was exported: the unfinished file was removed. Run verify to see what is damaged.</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der Datenträger %2 (%3) lässt sich nicht unversehrt aus %4 zurücklesen: %5%6 Nichts wurde exportiert: Die unfertige Datei wurde entfernt. Führen Sie eine Prüfung aus, um zu sehen, was beschädigt ist.</translation>
    </message>
    <message>
        <source> (object %1)</source>
        <translation> (Objekt %1)</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 read back has %3 bytes, the backup recorded %4.</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der zurückgelesene Datenträger %2 hat %3 Bytes, die Sicherung verzeichnet %4.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 read back has md5 %3, the backup recorded %4: the backup is damaged. Nothing was exported.</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Der zurückgelesene Datenträger %2 hat md5 %3, die Sicherung verzeichnet %4: Die Sicherung ist beschädigt. Nichts wurde exportiert.</translation>
    </message>
    <message>
        <source>Cannot export backup %1: finishing %2 failed: %3</source>
        <translation>Die Sicherung %1 kann nicht exportiert werden: Das Abschließen von %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as %3: qemu-img convert failed: %4</source>
        <translation>Der Datenträger %1 der Sicherung %2 kann nicht als %3 exportiert werden: qemu-img convert ist fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as %3: the converted file differs from the backup&apos;s verified bytes (qemu-img compare: %4).</source>
        <translation>Der Datenträger %1 der Sicherung %2 kann nicht als %3 exportiert werden: Die umgewandelte Datei weicht von den geprüften Bytes der Sicherung ab (qemu-img compare: %4).</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as qcow2: qemu-img check finds the converted file damaged: %3</source>
        <translation>Der Datenträger %1 der Sicherung %2 kann nicht als qcow2 exportiert werden: qemu-img check findet die umgewandelte Datei beschädigt: %3</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>sv::ForgetJob</name>
    <message>
        <source>Preview retention</source>
        <translation>Aufbewahrung prüfen</translation>
    </message>
    <message>
        <source>Apply retention</source>
        <translation>Aufbewahrung anwenden</translation>
    </message>
    <message>
        <source>The retention policy is not valid: %1</source>
        <translation>Die Aufbewahrungsregel ist ungültig: %1</translation>
    </message>
    <message>
        <source>The retention policy keeps nothing: give at least one of --keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly, --keep-yearly (a number above 0) or --keep-within (a duration such as 30d). Nothing was removed.</source>
        <translation>Die Aufbewahrungsregel behält nichts: Geben Sie mindestens eine der Optionen --keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly, --keep-yearly (eine Zahl über 0) oder --keep-within (eine Dauer wie 30d) an. Es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>Cannot apply retention to the backup storage %1: %2</source>
        <translation>Die Aufbewahrung kann nicht auf den Sicherungsspeicher %1 angewendet werden: %2</translation>
    </message>
    <message>
        <source>, not counted (unfinished or failed, left as they are): %1</source>
        <translation>, nicht gezählt (unvollständig oder fehlgeschlagen, bleiben unverändert): %1</translation>
    </message>
    <message>
        <source>Retention (%1), dry run: to keep: %2, to remove: %3%4. Nothing was removed.</source>
        <translation>Aufbewahrung (%1), Probelauf: zu behalten: %2, zu entfernen: %3%4. Es wurde nichts entfernt.</translation>
    </message>
    <message>
        <source>Retention (%1): to keep: %2, nothing to remove%3.</source>
        <translation>Aufbewahrung (%1): zu behalten: %2, nichts zu entfernen%3.</translation>
    </message>
    <message>
        <source>Retention stopped after removing %1 of the %2 backups it was to remove: %3</source>
        <translation>Die Aufbewahrung hat nach %1 von %2 zu entfernenden Sicherungen angehalten: %3</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n backup(s), but the prune after it failed: %1</source>
        <translation>
            <numerusform>Die Aufbewahrung hat %n Sicherung entfernt, aber das anschließende Aufräumen ist fehlgeschlagen: %1</numerusform>
            <numerusform>Die Aufbewahrung hat %n Sicherungen entfernt, aber das anschließende Aufräumen ist fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention (%1): kept: %2, removed: %3%4.</source>
        <translation>Aufbewahrung (%1): behalten: %2, entfernt: %3%4.</translation>
    </message>
    <message numerus="yes">
        <source>Freed %1 (%n chunk(s)).</source>
        <translation>
            <numerusform>%1 freigegeben (%n Block).</numerusform>
            <numerusform>%1 freigegeben (%n Blöcke).</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused chunks will be removed later: %1</source>
        <translation>Nicht mehr benutzte Blöcke werden später entfernt: %1</translation>
    </message>
</context>
<context>
    <name>sv::Job</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>sv::JobManager</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>Vor dem Start abgebrochen.</translation>
    </message>
    <message>
        <source>StackVault is quitting.</source>
        <translation>StackVault wird beendet.</translation>
    </message>
    <message>
        <source>StackVault quit before this job had finished cleaning up.</source>
        <translation>StackVault wurde beendet, bevor dieser Auftrag fertig aufgeräumt hatte.</translation>
    </message>
</context>
<context>
    <name>sv::JobStage</name>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Creating snapshot</source>
        <translation>Snapshot wird erstellt</translation>
    </message>
    <message>
        <source>Waiting for image</source>
        <translation>Warten auf das Abbild</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird überprüft</translation>
    </message>
    <message>
        <source>Creating image</source>
        <translation>Abbild wird erstellt</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Creating server</source>
        <translation>Server wird erstellt</translation>
    </message>
    <message>
        <source>Waiting for server</source>
        <translation>Warten auf den Server</translation>
    </message>
    <message>
        <source>Cleaning up</source>
        <translation>Wird aufgeräumt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Preparing volume</source>
        <translation>Volume wird vorbereitet</translation>
    </message>
    <message>
        <source>Creating volume</source>
        <translation>Volume wird erstellt</translation>
    </message>
    <message>
        <source>Attaching volumes</source>
        <translation>Volumes werden angehängt</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Converting</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <source>Waiting for boot</source>
        <translation>Warten auf den Systemstart</translation>
    </message>
</context>
<context>
    <name>sv::Plan</name>
    <message>
        <source>The plan name &quot;%1&quot; cannot be used: give 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit (it also names the plan&apos;s files and systemd units).</source>
        <translation>Der Planname „%1“ ist nicht verwendbar: 1 bis 64 Buchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer (er benennt auch die Dateien und systemd-Units des Plans).</translation>
    </message>
    <message>
        <source>Plan %1 names no servers: give servers, or a cloud to select them from.</source>
        <translation>Plan %1 nennt keine Server: Geben Sie Server an oder eine Cloud, aus der sie gewählt werden.</translation>
    </message>
    <message>
        <source>Plan %1 names the cloud &quot;%2&quot;, which is not saved (see `stackvault-cli clouds list`).</source>
        <translation>Plan %1 nennt die Cloud „%2“, die nicht gespeichert ist (siehe `stackvault-cli clouds list`).</translation>
    </message>
    <message>
        <source>Plan %1 names %2 twice.</source>
        <translation>Plan %1 nennt %2 zweimal.</translation>
    </message>
    <message>
        <source>A plan runs 1 to %1 backups at once, not %2.</source>
        <translation>Ein Plan führt 1 bis %1 Sicherungen gleichzeitig aus, nicht %2.</translation>
    </message>
    <message>
        <source>Plan %1 has no backup storage.</source>
        <translation>Plan %1 hat keinen Sicherungsspeicher.</translation>
    </message>
    <message>
        <source>Without the servers&apos; data (--no-include-data) no volume can be saved: choose --volumes none or include the data.</source>
        <translation>Ohne die Daten der Server (--no-include-data) kann kein Volume gesichert werden: Wählen Sie --volumes none oder schließen Sie die Daten ein.</translation>
    </message>
    <message>
        <source>%1 servers</source>
        <translation>%1 Server</translation>
    </message>
    <message>
        <source>all within %1</source>
        <translation>alle innerhalb von %1</translation>
    </message>
    <message>
        <source>keep everything</source>
        <translation>alles behalten</translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>behalten: %1</translation>
    </message>
    <message>
        <source>keep_within &quot;%1&quot; is not a duration such as 2y5m7d3h (years, months, days, hours).</source>
        <translation>keep_within „%1“ ist keine Dauer wie 2y5m7d3h (Jahre, Monate, Tage, Stunden).</translation>
    </message>
    <message>
        <source>Unknown retention rule &quot;%1&quot;.</source>
        <translation>Unbekannte Aufbewahrungsregel „%1“.</translation>
    </message>
    <message>
        <source>%1 must be a whole number of 0 or more.</source>
        <translation>%1 muss eine ganze Zahl ab 0 sein.</translation>
    </message>
</context>
<context>
    <name>sv::PlanFailureNotice</name>
    <message>
        <source>%1 of 1 server failed.</source>
        <translation>%1 von 1 Server fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 of %2 servers failed.</source>
        <translation>%1 von %2 Servern fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>The server was backed up, but the run failed.</source>
        <translation>Der Server wurde gesichert, aber der Lauf ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>All %1 servers were backed up, but the run failed.</source>
        <translation>Alle %1 Server wurden gesichert, aber der Lauf ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No server was backed up.</source>
        <translation>Kein Server wurde gesichert.</translation>
    </message>
    <message>
        <source>Details: stackvault-cli plans history %1 --last 1</source>
        <translation>Details: stackvault-cli plans history %1 --last 1</translation>
    </message>
    <message>
        <source>Backup plan %1 failed</source>
        <translation>Sicherungsplan %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backup plan %1 did not run</source>
        <translation>Sicherungsplan %1 wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>Run it by hand to see more: stackvault-cli plans run %1</source>
        <translation>Zum Nachsehen von Hand ausführen: stackvault-cli plans run %1</translation>
    </message>
</context>
<context>
    <name>sv::PlanHistory</name>
    <message>
        <source>Cannot read the run history %1: %2</source>
        <translation>Der Ausführungsverlauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The run history %1 is damaged (%2 at offset %3); move it away to start a new one.</source>
        <translation>Der Ausführungsverlauf %1 ist beschädigt (%2 an Position %3); verschieben Sie ihn, um einen neuen zu beginnen.</translation>
    </message>
    <message>
        <source>Cannot remove the run history %1.</source>
        <translation>Der Ausführungsverlauf %1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the run history.</source>
        <translation>Der Ordner %1 für den Ausführungsverlauf kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot save the run history %1: %2</source>
        <translation>Der Ausführungsverlauf %1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::PlanLock</name>
    <message>
        <source>Cannot create the folder %1 for the plans&apos; runs.</source>
        <translation>Der Ordner %1 für die Ausführungen der Pläne kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the lock file %1 of plan %2: %3</source>
        <translation>Die Sperrdatei %1 von Plan %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>Cannot lock plan %1 (%2): %3</source>
        <translation>Plan %1 kann nicht gesperrt werden (%2): %3</translation>
    </message>
    <message>
        <source>Plan %1 is already running in another process; wait for it to finish.</source>
        <translation>Plan %1 läuft bereits in einem anderen Prozess; warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Plan %1 is already running (process %2, started %3); wait for it to finish, or stop that process first (kill -INT %2 cancels it cleanly).</source>
        <translation>Plan %1 läuft bereits (Prozess %2, gestartet %3); warten Sie, bis er fertig ist, oder beenden Sie zuerst diesen Prozess (kill -INT %2 bricht ihn sauber ab).</translation>
    </message>
    <message>
        <source>Cannot ask whether plan %1 runs (%2): %3</source>
        <translation>Kann nicht feststellen, ob Plan %1 läuft (%2): %3</translation>
    </message>
</context>
<context>
    <name>sv::PlanNotifier</name>
    <message>
        <source>no D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>kein D-Bus-Sitzungsbus erreichbar (DBUS_SESSION_BUS_ADDRESS ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>no D-Bus session bus is reachable at %1</source>
        <translation>kein D-Bus-Sitzungsbus unter %1 erreichbar</translation>
    </message>
    <message>
        <source>no notification service answers on the D-Bus session bus (%1: %2)</source>
        <translation>kein Benachrichtigungsdienst antwortet auf dem D-Bus-Sitzungsbus (%1: %2)</translation>
    </message>
    <message>
        <source>the notification service did not take the notification (%1: %2)</source>
        <translation>der Benachrichtigungsdienst hat die Benachrichtigung nicht angenommen (%1: %2)</translation>
    </message>
</context>
<context>
    <name>sv::PlanReportSender</name>
    <message>
        <source>The report URL &quot;%1&quot; is not an http:// or https:// address.</source>
        <translation>Die Bericht-URL „%1“ ist keine http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>Sent the run report to %1 (HTTP %2).</source>
        <translation>Laufbericht an %1 gesendet (HTTP %2).</translation>
    </message>
    <message>
        <source>The run report was not accepted by %1: HTTP %2 %3%4</source>
        <translation>Der Laufbericht wurde von %1 nicht angenommen: HTTP %2 %3%4</translation>
    </message>
    <message>
        <source>The run report could not be sent to %1: no answer within %2 s.</source>
        <translation>Der Laufbericht konnte nicht an %1 gesendet werden: keine Antwort innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>The run report could not be sent to %1: %2</source>
        <translation>Der Laufbericht konnte nicht an %1 gesendet werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::PlanRestoreTest</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>in the server&apos;s own cloud</source>
        <translation>in der Cloud des Servers</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>restore one new backup per run %1, wait up to %2 s for ACTIVE</source>
        <translation>je Lauf eine neue Sicherung %1 wiederherstellen, bis zu %2 s auf ACTIVE warten</translation>
    </message>
    <message>
        <source>restore one new backup per run %1, wait up to %2 s for ACTIVE and for &quot;%3&quot; in the console</source>
        <translation>je Lauf eine neue Sicherung %1 wiederherstellen, bis zu %2 s auf ACTIVE und auf „%3“ in der Konsole warten</translation>
    </message>
    <message>
        <source>A restore test waits %1 to %2 seconds, not %3.</source>
        <translation>Ein Wiederherstellungstest wartet %1 bis %2 Sekunden, nicht %3.</translation>
    </message>
    <message>
        <source>A restore test&apos;s console marker is one line of text.</source>
        <translation>Die Konsolenmarke eines Wiederherstellungstests ist eine Textzeile.</translation>
    </message>
    <message>
        <source>The restore test names the cloud &quot;%1&quot;, which is not saved (see `stackvault-cli clouds list`).</source>
        <translation>Der Wiederherstellungstest nennt die Cloud „%1“, die nicht gespeichert ist (siehe `stackvault-cli clouds list`).</translation>
    </message>
</context>
<context>
    <name>sv::PlanRun</name>
    <message>
        <source>The run of plan %1 started %2 (process %3) was interrupted before it ended; what its backups left in the clouds is removed by the sweep before this run&apos;s backups.</source>
        <translation>Die Ausführung von Plan %1, gestartet %2 (Prozess %3), wurde vor ihrem Ende unterbrochen; was ihre Sicherungen in den Clouds hinterlassen haben, entfernt die Bereinigung vor den Sicherungen dieser Ausführung.</translation>
    </message>
    <message>
        <source>No server of cloud %1 was backed up: %2</source>
        <translation>Kein Server der Cloud %1 wurde gesichert: %2</translation>
    </message>
    <message>
        <source>No server of cloud %1 was backed up: its servers could not be listed: %2</source>
        <translation>Kein Server der Cloud %1 wurde gesichert: Ihre Server konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>%1 servers of cloud %2 are named %3: name the one to back up by its id.</source>
        <translation>%1 Server der Cloud %2 heißen %3: Nennen Sie den zu sichernden über seine ID.</translation>
    </message>
    <message>
        <source>Cloud %1 has no server %2 (it was deleted, or the plan names it wrongly).</source>
        <translation>Cloud %1 hat keinen Server %2 (er wurde gelöscht, oder der Plan nennt ihn falsch).</translation>
    </message>
    <message>
        <source>Cloud %1 does not show servers&apos; tags (its compute API is older than 2.26), so none of its servers was chosen for %2.</source>
        <translation>Cloud %1 zeigt keine Server-Tags (ihre Compute-API ist älter als 2.26), daher wurde keiner ihrer Server für %2 gewählt.</translation>
    </message>
    <message>
        <source>No server matched %1.</source>
        <translation>Kein Server passte zu: %1.</translation>
    </message>
    <message>
        <source>Plan %1 selected no server to back up.</source>
        <translation>Plan %1 hat keinen Server zum Sichern gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>Backing up %n server(s), %1 at a time.</source>
        <translation>
            <numerusform>Sichere %n Server, %1 gleichzeitig.</numerusform>
            <numerusform>Sichere %n Server, %1 gleichzeitig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The retention policy (%1) was not applied: the run was cancelled.</source>
        <translation>Die Aufbewahrungsregel (%1) wurde nicht angewendet: Der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Applying the retention policy (%1) to the backups of plan %2.</source>
        <translation>Die Aufbewahrungsregel (%1) wird auf die Sicherungen des Plans %2 angewendet.</translation>
    </message>
    <message>
        <source>The retention policy was not applied: %1</source>
        <translation>Die Aufbewahrungsregel wurde nicht angewendet: %1</translation>
    </message>
    <message>
        <source>No server of all projects of cloud %1 was backed up: its credentials (%2, project %3) are not a cloud admin&apos;s, and Nova refused to list every project&apos;s servers (%4). Save the cloud with an admin&apos;s credentials, or select only the project&apos;s own servers (without --all-projects).</source>
        <translation>Kein Server aller Projekte der Cloud %1 wurde gesichert: Ihre Zugangsdaten (%2, Projekt %3) sind nicht die eines Cloud-Admins, und Nova hat das Auflisten der Server aller Projekte verweigert (%4). Speichern Sie die Cloud mit den Zugangsdaten eines Admins, oder wählen Sie nur die eigenen Server des Projekts (ohne --all-projects).</translation>
    </message>
    <message>
        <source>No server of all projects of cloud %1 was backed up: the servers could not be listed: %2</source>
        <translation>Kein Server aller Projekte der Cloud %1 wurde gesichert: Die Server konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1 (Projekt %2)</translation>
    </message>
    <message>
        <source>%1: %2 in %3.</source>
        <translation>%1: %2 in %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n Projekt</numerusform>
            <numerusform>%n Projekte</numerusform>
        </translation>
    </message>
    <message>
        <source>The project names of cloud %1 could not be listed (%2); the report names projects by id.</source>
        <translation>Die Projektnamen der Cloud %1 konnten nicht aufgelistet werden (%2); der Bericht nennt Projekte nach ID.</translation>
    </message>
    <message>
        <source>No backup was restore-tested: the run was cancelled.</source>
        <translation>Keine Sicherung wurde testweise wiederhergestellt: der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No backup was restore-tested: no backup of this run succeeded.</source>
        <translation>Keine Sicherung wurde testweise wiederhergestellt: keine Sicherung dieses Laufs ist gelungen.</translation>
    </message>
    <message>
        <source>Testing the restore of backup %1 of %2 (%3) in cloud %4.</source>
        <translation>Teste die Wiederherstellung der Sicherung %1 von %2 (%3) in Cloud %4.</translation>
    </message>
    <message>
        <source>The restore test could not start: the clouds&apos; sign-in is gone.</source>
        <translation>Der Wiederherstellungstest konnte nicht beginnen: die Anmeldung bei den Clouds ist nicht mehr da.</translation>
    </message>
    <message>
        <source>The restore test of backup %1 could not start in cloud %2: %3</source>
        <translation>Der Wiederherstellungstest der Sicherung %1 konnte in Cloud %2 nicht beginnen: %3</translation>
    </message>
    <message>
        <source>The restore test of backup %1 was cancelled: %2</source>
        <translation>Der Wiederherstellungstest der Sicherung %1 wurde abgebrochen: %2</translation>
    </message>
</context>
<context>
    <name>sv::PlanSchedule</name>
    <message>
        <source>&quot;none&quot; takes nothing after it.</source>
        <translation>Nach „none“ folgt nichts.</translation>
    </message>
    <message>
        <source>An hourly schedule takes the minute as &quot;:MM&quot; (00 to 59), e.g. &quot;hourly :15&quot;; got &quot;%1&quot;.</source>
        <translation>Ein stündlicher Zeitplan nimmt die Minute als „:MM“ (00 bis 59), z. B. „hourly :15“; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>A daily schedule takes a time as HH:MM (00:00 to 23:59), e.g. &quot;daily 02:00&quot;; got &quot;%1&quot;.</source>
        <translation>Ein täglicher Zeitplan nimmt eine Uhrzeit als HH:MM (00:00 bis 23:59), z. B. „daily 02:00“; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>A weekly schedule takes a day (mon, tue, wed, thu, fri, sat or sun) and a time as HH:MM, e.g. &quot;weekly sun 03:30&quot;; got &quot;%1&quot;.</source>
        <translation>Ein wöchentlicher Zeitplan nimmt einen Tag (mon, tue, wed, thu, fri, sat oder sun) und eine Uhrzeit als HH:MM, z. B. „weekly sun 03:30“; erhalten: „%1“.</translation>
    </message>
    <message>
        <source>&quot;calendar&quot; takes a systemd calendar expression after it, e.g. &quot;calendar Mon..Fri 22:00&quot;.</source>
        <translation>Nach „calendar“ folgt ein systemd-Kalenderausdruck, z. B. „calendar Mon..Fri 22:00“.</translation>
    </message>
    <message>
        <source>Unknown schedule &quot;%1&quot;: use none, hourly [:MM], daily [HH:MM], weekly [DAY HH:MM] or calendar EXPRESSION (a systemd OnCalendar expression).</source>
        <translation>Unbekannter Zeitplan „%1“: Verwenden Sie none, hourly [:MM], daily [HH:MM], weekly [TAG HH:MM] oder calendar AUSDRUCK (ein systemd-OnCalendar-Ausdruck).</translation>
    </message>
    <message>
        <source>The plan has no schedule.</source>
        <translation>Der Plan hat keinen Zeitplan.</translation>
    </message>
    <message>
        <source>A systemd calendar expression has no crontab equivalent StackVault can write; give the plan an hourly, daily or weekly schedule to run it from cron.</source>
        <translation>Für einen systemd-Kalenderausdruck kann StackVault keine gleichwertige crontab-Zeile schreiben; geben Sie dem Plan einen stündlichen, täglichen oder wöchentlichen Zeitplan, um ihn über cron auszuführen.</translation>
    </message>
    <message>
        <source>systemd-analyze is not installed, so the next run of a calendar expression cannot be computed.</source>
        <translation>systemd-analyze ist nicht installiert, daher kann die nächste Ausführung eines Kalenderausdrucks nicht berechnet werden.</translation>
    </message>
    <message>
        <source>systemd-analyze calendar did not answer.</source>
        <translation>systemd-analyze calendar hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>systemd does not understand the calendar expression &quot;%1&quot;: %2</source>
        <translation>systemd versteht den Kalenderausdruck „%1“ nicht: %2</translation>
    </message>
    <message>
        <source>The calendar expression &quot;%1&quot; never elapses again.</source>
        <translation>Der Kalenderausdruck „%1“ tritt nie wieder ein.</translation>
    </message>
    <message>
        <source>systemd-analyze calendar printed no next elapse for &quot;%1&quot;.</source>
        <translation>systemd-analyze calendar hat für „%1“ keinen nächsten Zeitpunkt ausgegeben.</translation>
    </message>
    <message>
        <source>The calendar expression &quot;%1&quot; holds a character a systemd unit cannot take (a control character, % or \).</source>
        <translation>Der Kalenderausdruck „%1“ enthält ein Zeichen, das eine systemd-Unit nicht aufnehmen kann (ein Steuerzeichen, % oder \).</translation>
    </message>
</context>
<context>
    <name>sv::PlanScheduler</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>systemctl is not installed</source>
        <translation>systemctl ist nicht installiert</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>systemctl --user %1 did not answer within %2 s</source>
        <translation>systemctl --user %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>systemctl --user failed</source>
        <translation>systemctl --user ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Plan %1 has no schedule: give it one first (Edit…, or `stackvault-cli plans edit %1 --schedule &quot;daily 02:00&quot;`).</source>
        <translation>Plan %1 hat keinen Zeitplan: Geben Sie ihm zuerst einen (Bearbeiten… oder `stackvault-cli plans edit %1 --schedule &quot;daily 02:00&quot;`).</translation>
    </message>
    <message>
        <source>stackvault-cli was not found (beside StackVault or on PATH): the schedule runs it. Install it, then try again.</source>
        <translation>stackvault-cli wurde nicht gefunden (weder neben StackVault noch im PATH): Der Zeitplan führt es aus. Installieren Sie es und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the systemd user units.</source>
        <translation>Der Ordner %1 für die systemd-Benutzer-Units kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1), so the schedule is NOT active. The units are written (%2, %3) and take effect once one runs: systemctl --user enable --now %4</source>
        <translation>Hier läuft keine systemd-Benutzerinstanz (%1), daher ist der Zeitplan NICHT aktiv. Die Units sind geschrieben (%2, %3) und greifen, sobald eine läuft: systemctl --user enable --now %4</translation>
    </message>
    <message>
        <source>systemctl --user daemon-reload: %1</source>
        <translation>systemctl --user daemon-reload: %1</translation>
    </message>
    <message>
        <source>systemctl --user enable --now %1 failed: %2</source>
        <translation>systemctl --user enable --now %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Installed and enabled %1 (%2).</source>
        <translation>%1 installiert und aktiviert (%2).</translation>
    </message>
    <message>
        <source>Plan %1 has no schedule installed (no %2).</source>
        <translation>Plan %1 hat keinen installierten Zeitplan (kein %2).</translation>
    </message>
    <message>
        <source>systemctl --user disable --now %1: %2</source>
        <translation>systemctl --user disable --now %1: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Removed the schedule of plan %1 (%2 and %3).</source>
        <translation>Zeitplan von Plan %1 entfernt (%2 und %3).</translation>
    </message>
</context>
<context>
    <name>sv::PlanSource</name>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>all servers of %1</source>
        <translation>alle Server von %1</translation>
    </message>
    <message>
        <source>servers tagged %1 in %2</source>
        <translation>Server mit Tag %1 in %2</translation>
    </message>
    <message>
        <source>servers named %1 in %2</source>
        <translation>Server namens %1 in %2</translation>
    </message>
    <message>
        <source>servers tagged %1 named %2 in %3</source>
        <translation>Server mit Tag %1 namens %2 in %3</translation>
    </message>
    <message>
        <source>A plan&apos;s servers need a saved cloud.</source>
        <translation>Die Server eines Plans brauchen eine gespeicherte Cloud.</translation>
    </message>
    <message>
        <source>Server %1 is named explicitly: a tag or a name pattern does not apply to it.</source>
        <translation>Server %1 ist ausdrücklich genannt: Ein Tag oder ein Namensmuster gilt für ihn nicht.</translation>
    </message>
    <message>
        <source>The name pattern &quot;%1&quot; is not a valid wildcard pattern (use * for any text, ? for one character, [abc] for one of a, b, c).</source>
        <translation>Das Namensmuster „%1“ ist kein gültiges Platzhaltermuster (* für beliebigen Text, ? für ein Zeichen, [abc] für eines von a, b, c).</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; cannot hold a comma or begin or end with a space (Nova&apos;s tags cannot).</source>
        <translation>Der Tag „%1“ darf kein Komma enthalten und nicht mit einem Leerzeichen beginnen oder enden (Nova-Tags dürfen das nicht).</translation>
    </message>
    <message>
        <source>all servers of all projects of %1</source>
        <translation>alle Server aller Projekte von %1</translation>
    </message>
    <message>
        <source>servers tagged %1 in all projects of %2</source>
        <translation>Server mit dem Tag %1 in allen Projekten von %2</translation>
    </message>
    <message>
        <source>servers named %1 in all projects of %2</source>
        <translation>Server namens %1 in allen Projekten von %2</translation>
    </message>
    <message>
        <source>servers tagged %1 named %2 in all projects of %3</source>
        <translation>Server mit dem Tag %1 namens %2 in allen Projekten von %3</translation>
    </message>
    <message>
        <source>Server %1 is named explicitly: &quot;all projects&quot; applies to a selector (a cloud, a tag, a name pattern), not to one server.</source>
        <translation>Server %1 ist ausdrücklich genannt: „alle Projekte“ gilt für einen Selektor (eine Cloud, ein Tag, ein Namensmuster), nicht für einen einzelnen Server.</translation>
    </message>
</context>
<context>
    <name>sv::PlanStore</name>
    <message>
        <source>Cannot read the saved plans from %1: %2</source>
        <translation>Die gespeicherten Pläne können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>The saved plans file %1 is damaged (%2 at offset %3).</source>
        <translation>Die Datei der gespeicherten Pläne %1 ist beschädigt (%2 an Position %3).</translation>
    </message>
    <message>
        <source>The saved plans file %1 was written by a newer StackVault.</source>
        <translation>Die Datei der gespeicherten Pläne %1 wurde von einem neueren StackVault geschrieben.</translation>
    </message>
    <message>
        <source>A plan named &quot;%1&quot; already exists.</source>
        <translation>Ein Plan namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>No plan is named &quot;%1&quot;.</source>
        <translation>Kein Plan heißt „%1“.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the saved plans.</source>
        <translation>Der Ordner %1 für die gespeicherten Pläne kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot save the plans to %1: %2</source>
        <translation>Die Pläne können nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::PlanUnits</name>
    <message>
        <source>systemd cannot run a program whose path holds a quote, a backslash or a control character: %1. Install or link stackvault-cli elsewhere.</source>
        <translation>systemd kann kein Programm ausführen, dessen Pfad ein Anführungszeichen, einen Backslash oder ein Steuerzeichen enthält: %1. Installieren oder verlinken Sie stackvault-cli an anderer Stelle.</translation>
    </message>
</context>
<context>
    <name>sv::ProfileStore</name>
    <message>
        <source>Cannot read the saved clouds from %1: %2</source>
        <translation>Die gespeicherten Clouds können nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>The saved clouds file %1 is damaged (%2 at offset %3).</source>
        <translation>Die Datei der gespeicherten Clouds %1 ist beschädigt (%2 an Position %3).</translation>
    </message>
    <message>
        <source>The saved clouds file %1 was written by a newer StackVault.</source>
        <translation>Die Datei der gespeicherten Clouds %1 wurde von einer neueren StackVault-Version geschrieben.</translation>
    </message>
    <message>
        <source>A cloud named &quot;%1&quot; already exists.</source>
        <translation>Eine Cloud namens „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>A cloud with id %1 already exists.</source>
        <translation>Eine Cloud mit der ID %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>The cloud &quot;%1&quot; is no longer saved.</source>
        <translation>Die Cloud „%1“ ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>No saved cloud has the id %1.</source>
        <translation>Keine gespeicherte Cloud hat die ID %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the saved clouds.</source>
        <translation>Der Ordner %1 für die gespeicherten Clouds kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot save the clouds to %1: %2</source>
        <translation>Die Clouds können nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::RestoreJob</name>
    <message>
        <source>Restore backup %1</source>
        <translation>Sicherung %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Backup %1 is %2, not available; only a complete backup can be restored.</source>
        <translation>Sicherung %1 ist %2, nicht available; nur eine vollständige Sicherung kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Backup %1 holds no server image to restore.</source>
        <translation>Sicherung %1 enthält kein Serverabbild zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cloud %1 has no flavor %2. Choose one of its flavors.</source>
        <translation>Die Cloud %1 hat keinen Flavor %2. Wählen Sie einen ihrer Flavors.</translation>
    </message>
    <message>
        <source>Cloud %1 has no flavor like the saved one (%2); choose a flavor for the restored server.</source>
        <translation>Die Cloud %1 hat keinen Flavor wie den gespeicherten (%2); wählen Sie einen Flavor für den wiederhergestellten Server.</translation>
    </message>
    <message>
        <source>Flavor %1 has a %2 GiB disk, but the image needs at least %3 GiB (min_disk). Choose a larger flavor.</source>
        <translation>Flavor %1 hat eine Festplatte mit %2 GiB, das Abbild braucht aber mindestens %3 GiB (min_disk). Wählen Sie einen größeren Flavor.</translation>
    </message>
    <message>
        <source>Flavor %1 has a %2 GiB disk, smaller than the %3-byte image. Choose a larger flavor.</source>
        <translation>Flavor %1 hat eine Festplatte mit %2 GiB, kleiner als das Abbild mit %3 Bytes. Wählen Sie einen größeren Flavor.</translation>
    </message>
    <message>
        <source>Flavor %1 has %2 MiB of memory, but the image needs at least %3 MiB (min_ram). Choose a larger flavor.</source>
        <translation>Flavor %1 hat %2 MiB Arbeitsspeicher, das Abbild braucht aber mindestens %3 MiB (min_ram). Wählen Sie einen größeren Flavor.</translation>
    </message>
    <message>
        <source>Cloud %1 has no key pair %2. Import the key there, or choose another key pair.</source>
        <translation>Die Cloud %1 hat kein Schlüsselpaar %2. Importieren Sie den Schlüssel dort oder wählen Sie ein anderes Schlüsselpaar.</translation>
    </message>
    <message>
        <source>Cloud %1 has no network named %2. Choose the networks for the restored server.</source>
        <translation>Die Cloud %1 hat kein Netzwerk namens %2. Wählen Sie die Netzwerke für den wiederhergestellten Server.</translation>
    </message>
    <message>
        <source>Backup %1 is damaged; the restore stopped: %2</source>
        <translation>Sicherung %1 ist beschädigt; die Wiederherstellung wurde angehalten: %2</translation>
    </message>
    <message>
        <source>Cloud %1 stored different bytes than the backup holds (checksum mismatch); the restored image was removed. Try again.</source>
        <translation>Die Cloud %1 hat andere Bytes gespeichert, als die Sicherung enthält (Prüfsummen stimmen nicht überein); das wiederhergestellte Abbild wurde entfernt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>expected md5 %1 sha512 %2 size %3; got md5 %4 sha512 %5 size %6</source>
        <translation>erwartet md5 %1 sha512 %2 Größe %3; erhalten md5 %4 sha512 %5 Größe %6</translation>
    </message>
    <message>
        <source>The restored server %1 went into status %2 in cloud %3; it was removed. The cloud&apos;s scheduler may lack capacity for flavor %4.</source>
        <translation>Der wiederhergestellte Server %1 ging in der Cloud %3 in den Status %2 über; er wurde entfernt. Dem Scheduler der Cloud fehlt möglicherweise Kapazität für den Flavor %4.</translation>
    </message>
    <message>
        <source>Restored server %1 in cloud %2 (server %3, image %4).</source>
        <translation>Server %1 in der Cloud %2 wiederhergestellt (Server %3, Abbild %4).</translation>
    </message>
    <message>
        <source>
The half-restored server %1 could not be removed: %2</source>
        <translation>
Der halb wiederhergestellte Server %1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>
The half-restored image %1 could not be removed: %2</source>
        <translation>
Das halb wiederhergestellte Abbild %1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Backup %1 holds no volumes to restore.</source>
        <translation>Die Sicherung %1 enthält keine Volumes zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Backup %1 holds no boot volume of server %2, so the server cannot be restored. Restore only its volumes.</source>
        <translation>Die Sicherung %1 enthält kein Boot-Volume des Servers %2, daher kann der Server nicht wiederhergestellt werden. Stellen Sie nur seine Volumes wieder her.</translation>
    </message>
    <message>
        <source>Backup %1 lists volume %2 without its data; it cannot be restored.</source>
        <translation>Die Sicherung %1 führt das Volume %2 ohne seine Daten; es kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Backup %1 has no volume of type %2, so the type mapping %2=%3 does not apply.</source>
        <translation>Die Sicherung %1 hat kein Volume vom Typ %2, die Typzuordnung %2=%3 greift daher nicht.</translation>
    </message>
    <message>
        <source>Cloud %1 has no volume type %2 (chosen for volume %3 of type %4). Its types: %5.</source>
        <translation>Die Cloud %1 hat keinen Volume-Typ %2 (gewählt für das Volume %3 vom Typ %4). Ihre Typen: %5.</translation>
    </message>
    <message>
        <source>Cloud %1 has no room for volume %2: the project may have %3 volumes, it has %4, and this restore makes %5 before it. Delete volumes there or ask for a larger quota.</source>
        <translation>In der Cloud %1 ist kein Platz für das Volume %2: Das Projekt darf %3 Volumes haben, es hat %4, und diese Wiederherstellung legt davor %5 an. Löschen Sie dort Volumes oder beantragen Sie ein größeres Kontingent.</translation>
    </message>
    <message>
        <source>Cloud %1 has no room for volume %2 (%3 GiB): the project&apos;s volume quota is %4 GiB, %5 GiB are in use, and this restore makes %6 GiB before it. Free volume space there or ask for a larger quota.</source>
        <translation>In der Cloud %1 ist kein Platz für das Volume %2 (%3 GiB): Das Volume-Kontingent des Projekts beträgt %4 GiB, %5 GiB sind belegt, und diese Wiederherstellung legt davor %6 GiB an. Geben Sie dort Volume-Speicher frei oder beantragen Sie ein größeres Kontingent.</translation>
    </message>
    <message>
        <source>Cloud %1 refused to create volume %2 (%3 GiB): the project is over its volume quota. Free volume space there or ask for a larger quota.</source>
        <translation>Die Cloud %1 hat das Anlegen des Volumes %2 (%3 GiB) abgelehnt: Das Projekt hat sein Volume-Kontingent überschritten. Geben Sie dort Volume-Speicher frei oder beantragen Sie ein größeres Kontingent.</translation>
    </message>
    <message>
        <source>creating it</source>
        <translation>beim Anlegen</translation>
    </message>
    <message>
        <source>The restored volume %1 went into status %2 in cloud %3; it was removed. The cloud&apos;s block storage may lack space for %4 GiB.</source>
        <translation>Das wiederhergestellte Volume %1 ging in der Cloud %3 in den Status %2 über; es wurde entfernt. Dem Blockspeicher der Cloud fehlt möglicherweise Platz für %4 GiB.</translation>
    </message>
    <message>
        <source>waiting for it</source>
        <translation>beim Warten darauf</translation>
    </message>
    <message>
        <source>Volume %1: cloud %2 has no volume type %3; it got the cloud&apos;s default type %4.</source>
        <translation>Volume %1: Die Cloud %2 hat keinen Volume-Typ %3; es hat den Standardtyp %4 der Cloud erhalten.</translation>
    </message>
    <message>
        <source>deleting its temporary image</source>
        <translation>beim Löschen seines temporären Images</translation>
    </message>
    <message>
        <source>Backup %1 is damaged (volume %2); the restore stopped: %3</source>
        <translation>Die Sicherung %1 ist beschädigt (Volume %2); die Wiederherstellung wurde angehalten: %3</translation>
    </message>
    <message>
        <source>Cloud %1 stored different bytes than the backup holds for volume %2 (checksum mismatch); what was restored was removed. Try again.</source>
        <translation>Die Cloud %1 hat für das Volume %2 andere Bytes gespeichert, als die Sicherung enthält (Prüfsummen stimmen nicht überein); das Wiederhergestellte wurde entfernt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Volume %1 could not be restored: %2</source>
        <translation>Das Volume %1 konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>attaching it to server %1</source>
        <translation>beim Anhängen an den Server %1</translation>
    </message>
    <message>
        <source>boot volume</source>
        <translation>Boot-Volume</translation>
    </message>
    <message>
        <source>volume %1: %2, %3 GiB, type %4</source>
        <translation>Volume %1: %2, %3 GiB, Typ %4</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Restored 1 volume in cloud %1 (no server).</source>
        <translation>1 Volume in der Cloud %1 wiederhergestellt (kein Server).</translation>
    </message>
    <message>
        <source>Restored %1 volumes in cloud %2 (no server).</source>
        <translation>%1 Volumes in der Cloud %2 wiederhergestellt (kein Server).</translation>
    </message>
    <message>
        <source>Restored server %1 in cloud %2 (server %3, booted from volume %4).</source>
        <translation>Server %1 in der Cloud %2 wiederhergestellt (Server %3, startet vom Volume %4).</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Volume %1 could not be restored (%2): %3</source>
        <translation>Das Volume %1 konnte nicht wiederhergestellt werden (%2): %3</translation>
    </message>
    <message>
        <source>
The half-restored server %1 is still being deleted: %2</source>
        <translation>
Der halb wiederhergestellte Server %1 wird noch gelöscht: %2</translation>
    </message>
    <message>
        <source>
The half-restored volume %1 (%2) could not be removed: %3</source>
        <translation>
Das halb wiederhergestellte Volume %1 (%2) konnte nicht entfernt werden: %3</translation>
    </message>
    <message>
        <source>Cloud %1 has no security group named %2. Choose the security groups for the restored server.</source>
        <translation>Cloud %1 hat keine Sicherheitsgruppe namens %2. Wählen Sie die Sicherheitsgruppen für den wiederhergestellten Server.</translation>
    </message>
    <message>
        <source>Backup %1 holds no image to restore (its server booted from a volume: restore its volumes instead).</source>
        <translation>Die Sicherung %1 enthält kein Abbild zum Wiederherstellen (ihr Server startete von einem Volume: Stellen Sie stattdessen seine Volumes wieder her).</translation>
    </message>
    <message>
        <source>Restored image %1 in cloud %2 (image %3, no server).</source>
        <translation>Abbild %1 in der Cloud %2 wiederhergestellt (Abbild %3, kein Server).</translation>
    </message>
    <message>
        <source>Cloud %1 has no network named %2, which server %3 had a NIC on. Choose the networks for the restored server (or map them).</source>
        <translation>Cloud %1 hat kein Netzwerk namens %2, in dem Server %3 eine Netzwerkkarte hatte. Wählen Sie die Netzwerke für den wiederhergestellten Server (oder ordnen Sie sie zu).</translation>
    </message>
    <message>
        <source>Cloud %1 has no server group named %2, so server %3 was restored outside any server group.</source>
        <translation>Cloud %1 hat keine Servergruppe namens %2, daher wurde Server %3 ohne Servergruppe wiederhergestellt.</translation>
    </message>
    <message>
        <source>Cloud %1 has no availability zone %2, so the cloud chose the zone of server %3.</source>
        <translation>Cloud %1 hat keine Verfügbarkeitszone %2, daher hat die Cloud die Zone von Server %3 gewählt.</translation>
    </message>
    <message>
        <source>Address %1 is not part of network %2 in cloud %3, so server %4 got %5 there instead.</source>
        <translation>Adresse %1 gehört in Cloud %3 nicht zu Netzwerk %2, daher hat Server %4 dort stattdessen %5 erhalten.</translation>
    </message>
    <message>
        <source>Address %1 on network %2 is taken in cloud %3, so server %4 got %5 there instead.</source>
        <translation>Adresse %1 in Netzwerk %2 ist in Cloud %3 belegt, daher hat Server %4 dort stattdessen %5 erhalten.</translation>
    </message>
    <message>
        <source>The compute API of cloud %1 (%2) cannot tag a new server (2.52 can), so server %3 has no tags.</source>
        <translation>Die Compute-API von Cloud %1 (%2) kann einen neuen Server nicht mit Tags versehen (2.52 kann es), daher hat Server %3 keine Tags.</translation>
    </message>
    <message>
        <source>The compute API of cloud %1 (%2) cannot describe a new server (2.19 can), so server %3 has no description.</source>
        <translation>Die Compute-API von Cloud %1 (%2) kann einem neuen Server keine Beschreibung geben (2.19 kann es), daher hat Server %3 keine Beschreibung.</translation>
    </message>
    <message>
        <source>NIC %1: network %2, address %3</source>
        <translation>Netzwerkkarte %1: Netzwerk %2, Adresse %3</translation>
    </message>
    <message>
        <source>
The port %1 made for the restored server could not be removed: %2</source>
        <translation>
Der für den wiederhergestellten Server angelegte Port %1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::S3Profile</name>
    <message>
        <source>&quot;%1&quot; cannot be the name of an S3 profile: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>„%1“ kann nicht der Name eines S3-Profils sein: Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The endpoint of S3 profile %1 must be an http:// or https:// URL, such as https://s3.example.com.</source>
        <translation>Der Endpunkt des S3-Profils %1 muss eine http://- oder https://-URL sein, etwa https://s3.example.com.</translation>
    </message>
    <message>
        <source>S3 profile %1 needs a region (the one its requests are signed for, e.g. us-east-1).</source>
        <translation>Das S3-Profil %1 braucht eine Region (die, für die seine Anfragen signiert werden, z. B. us-east-1).</translation>
    </message>
    <message>
        <source>S3 profile %1 needs an access key id.</source>
        <translation>Das S3-Profil %1 braucht eine Zugriffsschlüssel-ID.</translation>
    </message>
</context>
<context>
    <name>sv::SecretStore</name>
    <message>
        <source>The keyring could not delete the stored secret.</source>
        <translation>Der Schlüsselbund konnte das gespeicherte Geheimnis nicht löschen.</translation>
    </message>
    <message>
        <source>No keyring is available, so the password cannot be kept. StackVault stores passwords only in the desktop keyring (a Secret Service provider): install and start GNOME Keyring (package gnome-keyring) or KWallet (package kwalletmanager), log in to the desktop session again, and retry.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann das Passwort nicht aufbewahrt werden. StackVault speichert Passwörter nur im Schlüsselbund der Arbeitsumgebung (einem Secret-Service-Anbieter): Installieren und starten Sie GNOME Keyring (Paket gnome-keyring) oder KWallet (Paket kwalletmanager), melden Sie sich erneut an der Sitzung an und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>No password is stored in the keyring for this cloud. Enter the password (or application credential secret) again.</source>
        <translation>Für diese Cloud ist kein Passwort im Schlüsselbund gespeichert. Geben Sie das Passwort (oder das Geheimnis der Anwendungszugangsdaten) erneut ein.</translation>
    </message>
    <message>
        <source>The keyring is locked or refused access. Unlock it and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>sv::ServerProtectable</name>
    <message>
        <source>no volume listed</source>
        <translation>kein Datenträger aufgeführt</translation>
    </message>
    <message>
        <source>Server %1 is in status ERROR, so OpenStack cannot snapshot it. Repair or rebuild the server, then back it up.</source>
        <translation>Server %1 hat den Status ERROR, daher kann OpenStack keinen Snapshot erstellen. Reparieren oder erstellen Sie den Server neu und sichern Sie ihn dann.</translation>
    </message>
    <message>
        <source>Server %1 is in status %2; a backup needs it ACTIVE, SHUTOFF, PAUSED or SUSPENDED. Try again when it is.</source>
        <translation>Server %1 hat den Status %2; für eine Sicherung muss er ACTIVE, SHUTOFF, PAUSED oder SUSPENDED sein. Versuchen Sie es erneut, sobald er es ist.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Server %1 is busy (task_state %2); try again when it is idle.</source>
        <translation>Server %1 ist beschäftigt (task_state %2); versuchen Sie es erneut, wenn er untätig ist.</translation>
    </message>
    <message>
        <source>Server %1 boots from a volume (%2), and without its data (&quot;Include server data&quot; off) only an original image could be saved, which a volume does not have; nothing was backed up. Include the server&apos;s data to back up its volumes.</source>
        <translation>Server %1 startet von einem Volume (%2); ohne seine Daten („Serverdaten einschließen“ aus) ließe sich nur ein Originalabbild sichern, und ein Volume hat keines; es wurde nichts gesichert. Schließen Sie die Serverdaten ein, um seine Volumes zu sichern.</translation>
    </message>
</context>
<context>
    <name>sv::SweepJob</name>
    <message>
        <source>Remove leftover temporary snapshots</source>
        <translation>Übrig gebliebene temporäre Snapshots entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n temporary snapshot(s) could not be removed yet; StackVault will try again.</source>
        <translation>
            <numerusform>%n temporärer Snapshot konnte noch nicht entfernt werden; StackVault versucht es erneut.</numerusform>
            <numerusform>%n temporäre Snapshots konnten noch nicht entfernt werden; StackVault versucht es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshot %1 (backup %2) belongs to a cloud that is not available now.</source>
        <translation>Snapshot %1 (Sicherung %2) gehört zu einer Cloud, die gerade nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>Snapshot %1: %2</source>
        <translation>Snapshot %1: %2</translation>
    </message>
    <message>
        <source>A backup or restore is running; leftover temporary snapshots will be removed later.</source>
        <translation>Eine Sicherung oder Wiederherstellung läuft; übrig gebliebene temporäre Snapshots werden später entfernt.</translation>
    </message>
    <message>
        <source>Backup %1: %2</source>
        <translation>Sicherung %1: %2</translation>
    </message>
    <message>
        <source>Server %1: %2</source>
        <translation>Server %1: %2</translation>
    </message>
    <message>
        <source>Nothing was left over by interrupted backups or restores.</source>
        <translation>Unterbrochene Sicherungen oder Wiederherstellungen haben nichts zurückgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n leftover(s) of interrupted backups or restores: %1.</source>
        <translation>
            <numerusform>%n Überbleibsel unterbrochener Sicherungen oder Wiederherstellungen entfernt: %1.</numerusform>
            <numerusform>%n Überbleibsel unterbrochener Sicherungen oder Wiederherstellungen entfernt: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Abbild %1</translation>
    </message>
    <message>
        <source>volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <source>Volume %1: %2</source>
        <translation>Volume %1: %2</translation>
    </message>
    <message>
        <source>volume snapshot %1</source>
        <translation>Volume-Snapshot %1</translation>
    </message>
    <message>
        <source>Volume snapshot %1: %2</source>
        <translation>Volume-Snapshot %1: %2</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>Port %1: %2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
</context>
<context>
    <name>sv::TestRestoreJob</name>
    <message>
        <source>Test restore of backup %1</source>
        <translation>Testwiederherstellung der Sicherung %1</translation>
    </message>
    <message>
        <source>The restore test of backup %1 could not start in cloud %2: %3</source>
        <translation>Der Wiederherstellungstest der Sicherung %1 konnte in der Cloud %2 nicht beginnen: %3</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: %3</source>
        <translation>Sicherung %1 hat ihren Wiederherstellungstest in der Cloud %2 nicht bestanden: %3</translation>
    </message>
    <message>
        <source>Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE (no console marker was asked for).</source>
        <translation>Sicherung %1 hat ihren Wiederherstellungstest in der Cloud %2 bestanden: Server %3 wurde ACTIVE (keine Konsolenmarkierung verlangt).</translation>
    </message>
    <message>
        <source>Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE and its console log showed &quot;%4&quot; after %5 s.</source>
        <translation>Sicherung %1 hat ihren Wiederherstellungstest in der Cloud %2 bestanden: Server %3 wurde ACTIVE, und sein Konsolenprotokoll zeigte nach %5 s „%4“.</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: the console log of server %3 could not be read: %4 Test without a marker (ACTIVE only) if this cloud offers no console logs.</source>
        <translation>Sicherung %1 hat ihren Wiederherstellungstest in der Cloud %2 nicht bestanden: Das Konsolenprotokoll von Server %3 konnte nicht gelesen werden: %4 Testen Sie ohne Markierung (nur ACTIVE), wenn diese Cloud keine Konsolenprotokolle anbietet.</translation>
    </message>
    <message>
        <source>the log stayed empty</source>
        <translation>das Protokoll blieb leer</translation>
    </message>
    <message>
        <source>its last line: &quot;%1&quot;</source>
        <translation>seine letzte Zeile: „%1“</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: server %3 became ACTIVE, but its console log did not show &quot;%4&quot; within %5 s (%6). The image may not boot in that cloud, or may not log to the serial console; a longer marker timeout or another marker may help.</source>
        <translation>Sicherung %1 hat ihren Wiederherstellungstest in der Cloud %2 nicht bestanden: Server %3 wurde ACTIVE, aber sein Konsolenprotokoll zeigte „%4“ nicht innerhalb von %5 s (%6). Das Abbild startet in dieser Cloud vielleicht nicht oder schreibt nicht auf die serielle Konsole; eine längere Wartezeit oder eine andere Markierung kann helfen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>server %1 (%2): %3</source>
        <translation>Server %1 (%2): %3</translation>
    </message>
    <message>
        <source>server %1 (%2) is still being deleted: %3</source>
        <translation>Server %1 (%2) wird noch gelöscht: %3</translation>
    </message>
    <message>
        <source>image %1: %2</source>
        <translation>Abbild %1: %2</translation>
    </message>
    <message>
        <source>volume %1: %2</source>
        <translation>Datenträger %1: %2</translation>
    </message>
    <message>
        <source>Everything the test made was removed.</source>
        <translation>Alles, was der Test angelegt hat, wurde entfernt.</translation>
    </message>
    <message>
        <source>Not everything the test made could be removed: %1. It stays in the backup storage&apos;s journal: the next sweep (stackvault-cli sweep, or the desktop app&apos;s next start) removes it.</source>
        <translation>Nicht alles, was der Test angelegt hat, konnte entfernt werden: %1. Es bleibt im Journal des Sicherungsspeichers: Die nächste Bereinigung (stackvault-cli sweep oder der nächste Start der Desktop-App) entfernt es.</translation>
    </message>
    <message>
        <source>The result was not recorded in the backup: %1</source>
        <translation>Das Ergebnis wurde nicht in der Sicherung vermerkt: %1</translation>
    </message>
</context>
<context>
    <name>sv::VerifyJob</name>
    <message>
        <source>Verify backup %1</source>
        <translation>Sicherung %1 überprüfen</translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 is damaged: %n problem(s) found.</source>
        <translation>
            <numerusform>Sicherung %1 ist beschädigt: %n Problem gefunden.</numerusform>
            <numerusform>Sicherung %1 ist beschädigt: %n Probleme gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 is intact: %n chunk(s) re-read and re-hashed.</source>
        <translation>
            <numerusform>Sicherung %1 ist unversehrt: %n Block erneut gelesen und geprüft.</numerusform>
            <numerusform>Sicherung %1 ist unversehrt: %n Blöcke erneut gelesen und geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sv::VolumeSelection</name>
    <message>
        <source>&quot;%1&quot; names no volume: give all, none, or volume names or ids separated by commas.</source>
        <translation>„%1“ nennt kein Volume: Geben Sie all, none oder durch Kommas getrennte Volume-Namen oder -IDs an.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ApiJob</name>
    <message>
        <source>The connection to the cloud is gone.</source>
        <translation>Die Verbindung zur Cloud ist abgebrochen.</translation>
    </message>
    <message>
        <source>The cloud &quot;%1&quot; (%2) sent no data for %3 seconds; the request was given up.</source>
        <translation>Die Cloud „%1“ (%2) hat %3 Sekunden lang keine Daten gesendet; die Anfrage wurde aufgegeben.</translation>
    </message>
    <message>
        <source>The secure connection to %1 (cloud &quot;%2&quot;) failed: %3. Check the cloud&apos;s CA bundle setting, or turn off certificate verification only if you trust this network.</source>
        <translation>Die sichere Verbindung zu %1 (Cloud „%2“) ist fehlgeschlagen: %3. Prüfen Sie die CA-Bundle-Einstellung der Cloud, oder schalten Sie die Zertifikatsprüfung nur aus, wenn Sie diesem Netzwerk vertrauen.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (cloud &quot;%2&quot;): %3.</source>
        <translation>%1 (Cloud „%2“) ist nicht erreichbar: %3.</translation>
    </message>
    <message>
        <source>The cloud sent a response that is not the expected JSON object (%1).</source>
        <translation>Die Cloud hat eine Antwort gesendet, die nicht das erwartete JSON-Objekt ist (%1).</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>Refusing to send a request for &quot;%1&quot;: the cloud returned an id with path characters in it (&quot;%2&quot;).</source>
        <translation>Die Anfrage für „%1“ wird nicht gesendet: Die Cloud lieferte eine ID mit Pfadzeichen („%2“).</translation>
    </message>
    <message>
        <source>Refusing to follow a link of the cloud with &quot;..&quot; in its path (%1).</source>
        <translation>Einem Link der Cloud mit „..“ im Pfad wird nicht gefolgt (%1).</translation>
    </message>
    <message>
        <source>%1 (cloud &quot;%2&quot;) sent a response larger than %3 MiB where a small JSON document was expected; StackVault stopped reading it. The server is broken or not an OpenStack service.</source>
        <translation>%1 (Cloud „%2“) sandte eine Antwort größer als %3 MiB, wo ein kleines JSON-Dokument erwartet wurde; StackVault hat das Lesen abgebrochen. Der Server ist defekt oder kein OpenStack-Dienst.</translation>
    </message>
    <message>
        <source>%1 (cloud &quot;%2&quot;) redirected the request to another place (%3); StackVault does not follow redirects to other hosts, so that credentials never leave the cloud.</source>
        <translation>%1 (Cloud „%2“) hat die Anfrage an einen anderen Ort umgeleitet (%3); StackVault folgt keinen Umleitungen zu anderen Hosts, damit Zugangsdaten die Cloud nie verlassen.</translation>
    </message>
    <message>
        <source>The connection to %1 (cloud &quot;%2&quot;) broke off before the whole response arrived (%3).</source>
        <translation>Die Verbindung zu %1 (Cloud „%2“) brach ab, bevor die ganze Antwort angekommen war (%3).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::AttachVolumeJob</name>
    <message>
        <source>Volume %1 cannot be attached to server %2: one of them does not exist (any more).</source>
        <translation>Volume %1 kann nicht an Server %2 angehängt werden: Eines von beiden existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Volume %1 cannot be attached to server %2 now: %3</source>
        <translation>Volume %1 kann jetzt nicht an Server %2 angehängt werden: %3</translation>
    </message>
</context>
<context>
    <name>sv::openstack::AuthenticateJob</name>
    <message>
        <source>The identity service of cloud &quot;%1&quot; answered without a token; is the auth URL a Keystone v3 endpoint?</source>
        <translation>Der Identitätsdienst der Cloud „%1“ hat ohne Token geantwortet; ist die Authentifizierungs-URL ein Keystone-v3-Endpunkt?</translation>
    </message>
    <message>
        <source>Cannot read the compute API version of cloud &quot;%1&quot;: %2</source>
        <translation>Die Compute-API-Version der Cloud „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The application credential for cloud &quot;%1&quot; was not accepted (wrong id, name or secret, or it has expired).</source>
        <translation>Die Anwendungszugangsdaten für die Cloud „%1“ wurden nicht akzeptiert (falsche ID, falscher Name oder falsches Geheimnis, oder sie sind abgelaufen).</translation>
    </message>
    <message>
        <source>Wrong user name or password for cloud &quot;%1&quot;.</source>
        <translation>Falscher Benutzername oder falsches Passwort für die Cloud „%1“.</translation>
    </message>
    <message>
        <source>There is no Keystone v3 identity service at %1 (cloud &quot;%2&quot;); check the auth URL.</source>
        <translation>Unter %1 (Cloud „%2“) gibt es keinen Keystone-v3-Identitätsdienst; prüfen Sie die Authentifizierungs-URL.</translation>
    </message>
    <message>
        <source>The identity service of cloud &quot;%1&quot; refused the login: %2</source>
        <translation>Der Identitätsdienst der Cloud „%1“ hat die Anmeldung abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::Connection</name>
    <message>
        <source>The CA bundle %1 of cloud &quot;%2&quot; holds no PEM certificate.</source>
        <translation>Das CA-Bundle %1 der Cloud „%2“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The CA bundle %1 of cloud &quot;%2&quot; does not exist.</source>
        <translation>Das CA-Bundle %1 der Cloud „%2“ existiert nicht.</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot; offers no services to this login: choose a project in the cloud&apos;s settings.</source>
        <translation>Die Cloud „%1“ bietet dieser Anmeldung keine Dienste an: Wählen Sie in den Einstellungen der Cloud ein Projekt.</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot;: %2</source>
        <translation>Cloud „%1“: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ConsoleOutputJob</name>
    <message>
        <source>The compute service answered the console log request of server %1 without an output.</source>
        <translation>Der Compute-Dienst beantwortete die Anfrage nach dem Konsolenprotokoll von Server %1 ohne Ausgabe.</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>Server %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Server %1 has no console log yet: %2</source>
        <translation>Server %1 hat noch kein Konsolenprotokoll: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateContainerJob</name>
    <message>
        <source>You may not create the container %1 in this project: %2</source>
        <translation>Sie dürfen den Container %1 in diesem Projekt nicht anlegen: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateImageJob</name>
    <message>
        <source>The image service created an image but sent no id.</source>
        <translation>Der Image-Dienst hat ein Abbild erstellt, aber keine ID gesendet.</translation>
    </message>
    <message>
        <source>The image service refused to create image &quot;%1&quot;: %2</source>
        <translation>Der Image-Dienst hat das Erstellen des Abbilds „%1“ abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreatePortJob</name>
    <message>
        <source>The network service accepted the new port but sent no id.</source>
        <translation>Der Netzwerkdienst hat den neuen Port angenommen, aber keine ID gesendet.</translation>
    </message>
    <message>
        <source>Address %1 is not part of network %2.</source>
        <translation>Adresse %1 gehört nicht zu Netzwerk %2.</translation>
    </message>
    <message>
        <source>Address %1 is already in use on network %2.</source>
        <translation>Adresse %1 ist in Netzwerk %2 bereits belegt.</translation>
    </message>
    <message>
        <source>The cloud refused to create a port on network %1: %2</source>
        <translation>Die Cloud hat das Anlegen eines Ports in Netzwerk %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateServerImageJob</name>
    <message>
        <source>The compute service accepted the snapshot of server %1 but did not say which image it creates.</source>
        <translation>Der Compute-Dienst hat den Snapshot von Server %1 angenommen, aber nicht mitgeteilt, welches Abbild er erstellt.</translation>
    </message>
    <message>
        <source>Server %1 is busy (task_state %2); try again when it is idle.</source>
        <translation>Server %1 ist beschäftigt (task_state %2); versuchen Sie es erneut, wenn er untätig ist.</translation>
    </message>
    <message>
        <source>Server %1 cannot be snapshotted while it is in state %2.</source>
        <translation>Von Server %1 kann im Zustand %2 kein Snapshot erstellt werden.</translation>
    </message>
    <message>
        <source>Server %1 is busy; try again when it is idle (%2).</source>
        <translation>Server %1 ist beschäftigt; versuchen Sie es erneut, wenn er untätig ist (%2).</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>Server %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The cloud refused to snapshot server %1: %2</source>
        <translation>Die Cloud hat den Snapshot von Server %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateServerJob</name>
    <message>
        <source>A new server needs an image or a boot volume.</source>
        <translation>Ein neuer Server braucht ein Abbild oder einen Startdatenträger.</translation>
    </message>
    <message>
        <source>The compute service accepted the new server but sent no id.</source>
        <translation>Der Compute-Dienst hat den neuen Server angenommen, aber keine ID gesendet.</translation>
    </message>
    <message>
        <source>The cloud refused to create server %1: %2</source>
        <translation>Die Cloud hat das Erstellen von Server %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateVolumeJob</name>
    <message>
        <source>The block storage service accepted volume %1 but did not say its id.</source>
        <translation>Der Block-Storage-Dienst hat Volume %1 angenommen, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>The volume quota of the project is used up, so volume %1 (%2 GB) cannot be created: %3. Delete volumes you no longer need or ask for a larger quota.</source>
        <translation>Das Volume-Kontingent des Projekts ist erschöpft, daher kann Volume %1 (%2 GB) nicht angelegt werden: %3. Löschen Sie nicht mehr benötigte Volumes oder beantragen Sie ein größeres Kontingent.</translation>
    </message>
    <message>
        <source>The block storage service refused to create volume %1: %2</source>
        <translation>Der Block-Storage-Dienst hat das Anlegen von Volume %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateVolumeSnapshotJob</name>
    <message>
        <source>The block storage service accepted the snapshot of volume %1 but did not say which snapshot it creates.</source>
        <translation>Der Block-Storage-Dienst hat den Snapshot von Volume %1 angenommen, aber nicht gesagt, welchen Snapshot er anlegt.</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>Volume %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The snapshot quota of the project is used up, so volume %1 cannot be snapshotted: %2. Delete old volume snapshots or ask for a larger quota.</source>
        <translation>Das Snapshot-Kontingent des Projekts ist erschöpft, daher kann von Volume %1 kein Snapshot erstellt werden: %2. Löschen Sie alte Volume-Snapshots oder beantragen Sie ein größeres Kontingent.</translation>
    </message>
    <message>
        <source>The block storage service refused to snapshot volume %1: %2</source>
        <translation>Der Block-Storage-Dienst hat den Snapshot von Volume %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteImageJob</name>
    <message>
        <source>Image %1 may not be deleted (it is protected or not yours): %2</source>
        <translation>Abbild %1 darf nicht gelöscht werden (es ist geschützt oder gehört Ihnen nicht): %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeletePortJob</name>
    <message>
        <source>Port %1 could not be deleted: %2</source>
        <translation>Port %1 konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteServerJob</name>
    <message>
        <source>Server %1 cannot be deleted now: %2</source>
        <translation>Server %1 kann jetzt nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteVolumeJob</name>
    <message>
        <source>Volume %1 cannot be deleted now (%2); it may be attached or still have snapshots.</source>
        <translation>Volume %1 kann jetzt nicht gelöscht werden (%2); es ist vielleicht angehängt oder hat noch Snapshots.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteVolumeSnapshotJob</name>
    <message>
        <source>Volume snapshot %1 cannot be deleted now (%2); a volume made from it may still exist.</source>
        <translation>Volume-Snapshot %1 kann jetzt nicht gelöscht werden (%2); ein daraus erstelltes Volume existiert vielleicht noch.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DetachVolumeJob</name>
    <message>
        <source>Volume %1 cannot be detached from server %2 now: %3</source>
        <translation>Volume %1 kann jetzt nicht von Server %2 getrennt werden: %3</translation>
    </message>
</context>
<context>
    <name>sv::openstack::Error</name>
    <message>
        <source>The cloud could not be reached</source>
        <translation>Die Cloud war nicht erreichbar</translation>
    </message>
    <message>
        <source>The cloud stopped answering (no data within the time limit); try again later.</source>
        <translation>Die Cloud antwortet nicht mehr (keine Daten innerhalb der Frist); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The secure connection to the cloud failed</source>
        <translation>Die sichere Verbindung zur Cloud ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The cloud did not accept the credentials</source>
        <translation>Die Cloud hat die Zugangsdaten nicht akzeptiert</translation>
    </message>
    <message>
        <source>You are not allowed to do this in this project</source>
        <translation>Sie dürfen dies in diesem Projekt nicht tun</translation>
    </message>
    <message>
        <source>The resource no longer exists</source>
        <translation>Die Ressource existiert nicht mehr</translation>
    </message>
    <message>
        <source>The resource is busy or in the wrong state</source>
        <translation>Die Ressource ist beschäftigt oder im falschen Zustand</translation>
    </message>
    <message>
        <source>; try again when it is idle.</source>
        <translation>; versuchen Sie es erneut, wenn sie untätig ist.</translation>
    </message>
    <message>
        <source>The cloud rejected the request</source>
        <translation>Die Cloud hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>A quota or rate limit of the cloud was reached</source>
        <translation>Ein Kontingent oder Ratenlimit der Cloud wurde erreicht</translation>
    </message>
    <message>
        <source>The cloud service is unavailable (HTTP %1); try again later.</source>
        <translation>Der Cloud-Dienst ist nicht verfügbar (HTTP %1); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The cloud answered with HTTP %1</source>
        <translation>Die Cloud hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>The cloud sent a response that StackVault does not understand</source>
        <translation>Die Cloud hat eine Antwort gesendet, die StackVault nicht versteht</translation>
    </message>
    <message>
        <source>The cloud does not offer the needed service</source>
        <translation>Die Cloud bietet den benötigten Dienst nicht an</translation>
    </message>
    <message>
        <source>The downloaded data does not match the cloud&apos;s checksum</source>
        <translation>Die heruntergeladenen Daten passen nicht zur Prüfsumme der Cloud</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Gave up waiting</source>
        <translation>Warten aufgegeben</translation>
    </message>
    <message>
        <source>The operation failed in the cloud</source>
        <translation>Der Vorgang ist in der Cloud fehlgeschlagen</translation>
    </message>
    <message>
        <source>Invalid request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
</context>
<context>
    <name>sv::openstack::GetObjectJob</name>
    <message>
        <source>Object %1 arrived damaged: its checksum is %2, the object store says %3.</source>
        <translation>Das Objekt %1 kam beschädigt an: Seine Prüfsumme ist %2, der Objektspeicher nennt %3.</translation>
    </message>
    <message>
        <source>Object %1 does not exist in container %2.</source>
        <translation>Das Objekt %1 existiert im Container %2 nicht.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageDownloadJob</name>
    <message>
        <source>Image %1 cannot be downloaded while its status is &quot;%2&quot;.</source>
        <translation>Abbild %1 kann im Status „%2“ nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>The image service resumed image %1 at the wrong position.</source>
        <translation>Der Image-Dienst hat Abbild %1 an der falschen Stelle fortgesetzt.</translation>
    </message>
    <message>
        <source>The download of image %1 was stopped by its receiver.</source>
        <translation>Der Download von Abbild %1 wurde vom Empfänger angehalten.</translation>
    </message>
    <message>
        <source>Image %1 has no data (a snapshot of a volume-backed server keeps its data in volume snapshots).</source>
        <translation>Abbild %1 enthält keine Daten (ein Snapshot eines Servers mit Startdatenträger hält seine Daten in Volume-Snapshots).</translation>
    </message>
    <message>
        <source>Image %1: received %2 bytes, but the image has %3.</source>
        <translation>Abbild %1: %2 Bytes empfangen, das Abbild hat aber %3.</translation>
    </message>
    <message>
        <source>Image %1 arrived damaged: its MD5 is %2, the cloud says %3.</source>
        <translation>Abbild %1 ist beschädigt angekommen: Seine MD5 ist %2, laut Cloud %3.</translation>
    </message>
    <message>
        <source>Image %1 arrived damaged: its %2 does not match the cloud&apos;s.</source>
        <translation>Abbild %1 ist beschädigt angekommen: Sein %2 passt nicht zu dem der Cloud.</translation>
    </message>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>Abbild %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The download of image %1 failed after %2 bytes and %3 resumptions: %4</source>
        <translation>Der Download von Abbild %1 ist nach %2 Bytes und %3 Wiederaufnahmen fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes.</source>
        <translation>Die Verbindung wurde nach %1 von %2 Bytes geschlossen.</translation>
    </message>
    <message>
        <source>The image service sent more than the %1 bytes of image %2; the download was stopped (the server is broken or not what it claims).</source>
        <translation>Der Image-Dienst sandte mehr als die %1 Bytes des Images %2; der Download wurde abgebrochen (der Server ist defekt oder nicht, was er vorgibt).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageStatusWaiter</name>
    <message>
        <source>Image %1 disappeared while waiting for it to become active (the cloud deleted a failed snapshot).</source>
        <translation>Abbild %1 ist verschwunden, während auf seine Aktivierung gewartet wurde (die Cloud hat einen fehlgeschlagenen Snapshot gelöscht).</translation>
    </message>
    <message>
        <source>Image %1 ended in status &quot;%2&quot; instead of becoming active.</source>
        <translation>Abbild %1 endete im Status „%2“, statt aktiv zu werden.</translation>
    </message>
    <message>
        <source>Image %1 is still &quot;%2&quot; after %3 seconds; gave up waiting.</source>
        <translation>Abbild %1 ist nach %3 Sekunden immer noch „%2“; das Warten wurde aufgegeben.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageUploadJob</name>
    <message>
        <source>The upload of image %1 has no readable source.</source>
        <translation>Für das Hochladen von Abbild %1 gibt es keine lesbare Quelle.</translation>
    </message>
    <message>
        <source>Image %1 does not accept data now (it must be queued): %2</source>
        <translation>Abbild %1 nimmt jetzt keine Daten an (es muss im Status queued sein): %2</translation>
    </message>
    <message>
        <source>The image service refused the data of image %1 (quota or size limit): %2</source>
        <translation>Der Image-Dienst hat die Daten von Abbild %1 abgelehnt (Kontingent oder Größenlimit): %2</translation>
    </message>
    <message>
        <source>The image service refused the data of image %1: %2</source>
        <translation>Der Image-Dienst hat die Daten von Abbild %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ListObjectsJob</name>
    <message>
        <source>The object store sent a listing that is not a JSON array.</source>
        <translation>Der Objektspeicher hat eine Auflistung gesendet, die kein JSON-Array ist.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ProducerDevice</name>
    <message>
        <source>The data source of the upload failed.</source>
        <translation>Die Datenquelle des Hochladens ist ausgefallen.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::PutObjectJob</name>
    <message>
        <source>The object store stored %1 with checksum %2, but StackVault sent %3.</source>
        <translation>Der Objektspeicher hat %1 mit der Prüfsumme %2 gespeichert, StackVault hat aber %3 gesendet.</translation>
    </message>
    <message>
        <source>The object store received %1 damaged (checksum mismatch); try again.</source>
        <translation>Der Objektspeicher hat %1 beschädigt empfangen (Prüfsumme stimmt nicht); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The object store container %1 does not exist (any more).</source>
        <translation>Der Objektspeicher-Container %1 existiert nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ServerStatusWaiter</name>
    <message>
        <source>Server %1 disappeared while waiting for it.</source>
        <translation>Server %1 ist verschwunden, während auf ihn gewartet wurde.</translation>
    </message>
    <message>
        <source>Server %1 went into ERROR.</source>
        <translation>Server %1 ging in den Status ERROR über.</translation>
    </message>
    <message>
        <source>Server %1 went into ERROR: %2</source>
        <translation>Server %1 ging in den Status ERROR über: %2</translation>
    </message>
    <message>
        <source>Server %1 was deleted while waiting for it.</source>
        <translation>Server %1 wurde gelöscht, während auf ihn gewartet wurde.</translation>
    </message>
    <message>
        <source>Server %1 still exists after %2 seconds; gave up waiting.</source>
        <translation>Server %1 existiert nach %2 Sekunden immer noch; das Warten wurde aufgegeben.</translation>
    </message>
    <message>
        <source>Server %1 is still %2%3 after %4 seconds instead of %5; gave up waiting.</source>
        <translation>Server %1 ist nach %4 Sekunden immer noch %2%3 statt %5; das Warten wurde aufgegeben.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ServiceCatalog</name>
    <message>
        <source>The cloud&apos;s catalog has no %1 service.</source>
        <translation>Der Katalog der Cloud enthält keinen Dienst %1.</translation>
    </message>
    <message>
        <source>The cloud&apos;s catalog has no %1 endpoint for interface &quot;%2&quot;%3; it offers %4.</source>
        <translation>Der Katalog der Cloud enthält keinen %1-Endpunkt für die Schnittstelle „%2“%3; er bietet %4.</translation>
    </message>
    <message>
        <source> in region &quot;%1&quot;</source>
        <translation> in der Region „%1“</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowImageJob</name>
    <message>
        <source>The image service sent an image without an id.</source>
        <translation>Der Image-Dienst hat ein Abbild ohne ID gesendet.</translation>
    </message>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>Abbild %1 existiert nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowServerJob</name>
    <message>
        <source>The compute service sent a server without an id.</source>
        <translation>Der Compute-Dienst hat einen Server ohne ID gesendet.</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>Server %1 existiert nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeJob</name>
    <message>
        <source>The block storage service sent a volume without an id.</source>
        <translation>Der Blockspeicher-Dienst hat einen Datenträger ohne ID gesendet.</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>Datenträger %1 existiert nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeLimitsJob</name>
    <message>
        <source>The block storage service sent limits without their absolute values.</source>
        <translation>Der Blockspeicherdienst hat Limits ohne ihre absoluten Werte gesendet.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeSnapshotJob</name>
    <message>
        <source>The block storage service sent a snapshot without an id.</source>
        <translation>Der Block-Storage-Dienst hat einen Snapshot ohne ID geschickt.</translation>
    </message>
    <message>
        <source>Volume snapshot %1 does not exist (any more).</source>
        <translation>Volume-Snapshot %1 existiert nicht (mehr).</translation>
    </message>
</context>
<context>
    <name>sv::openstack::StatusWaiter</name>
    <message>
        <source>The connection to the cloud is gone.</source>
        <translation>Die Verbindung zur Cloud ist abgebrochen.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::UpdateImageJob</name>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>Abbild %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The image service refused to change image %1: %2</source>
        <translation>Der Image-Dienst hat die Änderung von Abbild %1 abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::UploadVolumeToImageJob</name>
    <message>
        <source>The block storage service accepted the upload of volume %1 but did not say which image it creates.</source>
        <translation>Der Block-Storage-Dienst hat das Hochladen von Volume %1 angenommen, aber nicht gesagt, welches Abbild er anlegt.</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>Volume %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>The image quota is used up, so volume %1 cannot be copied to an image: %2</source>
        <translation>Das Abbild-Kontingent ist erschöpft, daher kann Volume %1 nicht in ein Abbild kopiert werden: %2</translation>
    </message>
    <message>
        <source>The block storage service refused to copy volume %1 to an image: %2</source>
        <translation>Der Block-Storage-Dienst hat das Kopieren von Volume %1 in ein Abbild abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::VolumeSnapshotStatusWaiter</name>
    <message>
        <source>snapshot %1</source>
        <translation>Snapshot %1</translation>
    </message>
    <message>
        <source>the snapshot of volume %1</source>
        <translation>den Snapshot von Volume %1</translation>
    </message>
    <message>
        <source>Volume snapshot %1 disappeared while waiting for it to become available.</source>
        <translation>Volume-Snapshot %1 ist verschwunden, während auf ihn gewartet wurde.</translation>
    </message>
    <message>
        <source>The block storage service could not make %1: it ended in status &quot;%2&quot;.</source>
        <translation>Der Block-Storage-Dienst konnte %1 nicht erstellen: Er endete im Status „%2“.</translation>
    </message>
    <message>
        <source>Waited %1 seconds for %2; it is still &quot;%3&quot;. Gave up waiting.</source>
        <translation>%1 Sekunden auf %2 gewartet; der Status ist noch „%3“. Warten abgebrochen.</translation>
    </message>
</context>
<context>
    <name>sv::openstack::VolumeStatusWaiter</name>
    <message>
        <source>Volume %1 disappeared while waiting for it to become %2.</source>
        <translation>Volume %1 ist verschwunden, während darauf gewartet wurde, dass es %2 wird.</translation>
    </message>
    <message>
        <source>Volume %1 ended in status &quot;%2&quot; instead of becoming %3.</source>
        <translation>Volume %1 endete im Status „%2“, statt %3 zu werden.</translation>
    </message>
    <message>
        <source>Volume %1 is still &quot;%2&quot; after %3 seconds; gave up waiting for it to become %4.</source>
        <translation>Volume %1 ist nach %3 Sekunden noch „%2“; das Warten darauf, dass es %4 wird, wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>sv::ui::Backend</name>
    <message>
        <source>This backend cannot list a cloud&apos;s projects.</source>
        <translation>Dieses Backend kann die Projekte einer Cloud nicht auflisten.</translation>
    </message>
    <message>
        <source>This backend cannot list another project&apos;s servers.</source>
        <translation>Dieses Backend kann die Server eines anderen Projekts nicht auflisten.</translation>
    </message>
</context>
<context>
    <name>sv::ui::BackupsModel</name>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>With data</source>
        <translation>Mit Daten</translation>
    </message>
    <message>
        <source>Original image only</source>
        <translation>Nur Originalabbild</translation>
    </message>
    <message>
        <source>Space this backup added to the backup storage; data shared with other backups is stored once.</source>
        <translation>Speicherplatz, den diese Sicherung im Sicherungsspeicher belegt; Daten, die mehrere Sicherungen gemeinsam haben, werden nur einmal gespeichert.</translation>
    </message>
    <message>
        <source>A snapshot was taken first: data written since boot is included.</source>
        <translation>Zuerst wurde ein Snapshot erstellt: Seit dem Start geschriebene Daten sind enthalten.</translation>
    </message>
    <message>
        <source>Only the server&apos;s original image was saved.</source>
        <translation>Nur das Originalabbild des Servers wurde gesichert.</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>Sicherung %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n volume(s)</source>
        <translation>
            <numerusform>%1, %n Volume</numerusform>
            <numerusform>%1, %n Volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes saved:</source>
        <translation>Gesicherte Volumes:</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Nicht getestet</translation>
    </message>
    <message>
        <source>Tested ✓ %1</source>
        <translation>Getestet ✓ %1</translation>
    </message>
    <message>
        <source>Test failed %1</source>
        <translation>Test fehlgeschlagen %1</translation>
    </message>
    <message>
        <source>The restore test in cloud %1 on %2 failed: %3</source>
        <translation>Der Wiederherstellungstest in der Cloud %1 am %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Restored as a test in cloud %1 on %2: the server became ACTIVE.</source>
        <translation>Zum Test in der Cloud %1 am %2 wiederhergestellt: Der Server wurde ACTIVE.</translation>
    </message>
    <message>
        <source>Restored as a test in cloud %1 on %2: the server became ACTIVE and its console log showed &quot;%3&quot;.</source>
        <translation>Zum Test in der Cloud %1 am %2 wiederhergestellt: Der Server wurde ACTIVE, und sein Konsolenprotokoll zeigte „%3“.</translation>
    </message>
    <message>
        <source>Restore test</source>
        <translation>Wiederherstellungstest</translation>
    </message>
    <message>
        <source>This backup was never restored as a test. Test Restore… (or stackvault-cli test-restore) restores it under a scratch name, checks that it boots and removes it again.</source>
        <translation>Diese Sicherung wurde noch nie zum Test wiederhergestellt. Wiederherstellung testen… (oder stackvault-cli test-restore) stellt sie unter einem Wegwerfnamen wieder her, prüft, dass sie startet, und entfernt sie wieder.</translation>
    </message>
</context>
<context>
    <name>sv::ui::BackupsView</name>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>Ü&amp;berprüfen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Alle Server</translation>
    </message>
    <message>
        <source>Delete Backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Delete the backup of “%1” from %2? This cannot be undone.</source>
        <translation>Die Sicherung von „%1“ vom %2 löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Backup storage: %1 — encrypted</source>
        <translation>Sicherungsspeicher: %1 — verschlüsselt</translation>
    </message>
    <message>
        <source>Backup storage: %1 — not encrypted</source>
        <translation>Sicherungsspeicher: %1 — nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Disks, indexes and the journal are encrypted with AES-256-GCM; the passphrase is in the keychain.</source>
        <translation>Festplatten, Indizes und das Journal sind mit AES-256-GCM verschlüsselt; die Passphrase liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Made by an older version or without encryption: anyone who can read the storage can read the backed-up disks.</source>
        <translation>Von einer älteren Version oder ohne Verschlüsselung angelegt: Wer den Speicher lesen kann, kann die gesicherten Festplatten lesen.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Write the backup&apos;s disks into raw or qcow2 files</source>
        <translation>Die Datenträger der Sicherung in raw- oder qcow2-Dateien schreiben</translation>
    </message>
    <message>
        <source>&amp;Test Restore…</source>
        <translation>Wiederherstellung &amp;testen…</translation>
    </message>
    <message>
        <source>Prove that the backup boots: restore it under a scratch name, wait until it runs, remove it again and record the result</source>
        <translation>Beweisen, dass die Sicherung startet: unter einem Wegwerfnamen wiederherstellen, warten, bis sie läuft, wieder entfernen und das Ergebnis vermerken</translation>
    </message>
</context>
<context>
    <name>sv::ui::CloudProfilesDialog</name>
    <message>
        <source>Manage Clouds</source>
        <translation>Clouds verwalten</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Application credential</source>
        <translation>Anwendungszugangsdaten</translation>
    </message>
    <message>
        <source>Unchanged when left empty</source>
        <translation>Bleibt unverändert, wenn leer</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Auth URL:</source>
        <translation>&amp;Authentifizierungs-URL:</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Anmelden &amp;mit:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>User &amp;domain:</source>
        <translation>Benutzer&amp;domäne:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Project d&amp;omain:</source>
        <translation>Projektd&amp;omäne:</translation>
    </message>
    <message>
        <source>&amp;Credential ID:</source>
        <translation>&amp;Zugangsdaten-ID:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>Pass&amp;word or secret:</source>
        <translation>Pass&amp;wort oder Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Fill in the new cloud and click Save.</source>
        <translation>Füllen Sie die Angaben zur neuen Cloud aus und klicken Sie auf „Speichern“.</translation>
    </message>
    <message>
        <source>Enter the password or application credential secret.</source>
        <translation>Geben Sie das Passwort oder das Geheimnis der Anwendungszugangsdaten ein.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saving the password in the keyring…</source>
        <translation>Das Passwort wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>Saved. The password is in the desktop keyring.</source>
        <translation>Gespeichert. Das Passwort liegt im Schlüsselbund der Arbeitsumgebung.</translation>
    </message>
    <message>
        <source>The cloud was saved, but its password was not: %1</source>
        <translation>Die Cloud wurde gespeichert, ihr Passwort aber nicht: %1</translation>
    </message>
    <message>
        <source>Remove Cloud</source>
        <translation>Cloud entfernen</translation>
    </message>
    <message>
        <source>Remove the cloud “%1” and its password from this computer? Backups are kept.</source>
        <translation>Die Cloud „%1“ und ihr Passwort von diesem Computer entfernen? Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
    <message>
        <source>Import &amp;clouds.yaml…</source>
        <translation>&amp;clouds.yaml importieren …</translation>
    </message>
    <message>
        <source>Add the clouds of an OpenStack clouds.yaml file (a secure.yaml next to it is read too)</source>
        <translation>Die Clouds einer OpenStack-Datei clouds.yaml hinzufügen (eine secure.yaml daneben wird mitgelesen)</translation>
    </message>
    <message>
        <source>Import &amp;OS_* Variables</source>
        <translation>&amp;OS_*-Variablen importieren</translation>
    </message>
    <message>
        <source>Add the cloud described by the OS_* variables StackVault was started with (an openrc file)</source>
        <translation>Die Cloud hinzufügen, die die OS_*-Variablen beschreiben, mit denen StackVault gestartet wurde (eine openrc-Datei)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Import clouds.yaml</source>
        <translation>clouds.yaml importieren</translation>
    </message>
    <message>
        <source>OpenStack configuration (clouds.yaml clouds.yml clouds.json)</source>
        <translation>OpenStack-Konfiguration (clouds.yaml clouds.yml clouds.json)</translation>
    </message>
    <message>
        <source>YAML or JSON files (*.yaml *.yml *.json)</source>
        <translation>YAML- oder JSON-Dateien (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Reading the OS_* variables…</source>
        <translation>Die OS_*-Variablen werden gelesen …</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2</source>
        <translation>„%1“ wurde nicht importiert: %2</translation>
    </message>
    <message>
        <source>No cloud was found there.</source>
        <translation>Dort wurde keine Cloud gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cloud(s).</source>
        <translation>
            <numerusform>%n Cloud importiert.</numerusform>
            <numerusform>%n Clouds importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was imported, but its password was not saved: %2</source>
        <translation>„%1“ wurde importiert, aber sein Passwort wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <source>Warning: the server&apos;s identity is not checked for this cloud. Anyone on the network path can read the password and the backups. Use a CA bundle instead if the cloud has its own certificate authority.</source>
        <translation>Warnung: Die Identität des Servers wird für diese Cloud nicht geprüft. Jeder auf dem Netzwerkweg kann das Passwort und die Sicherungen lesen. Verwenden Sie stattdessen ein CA-Bündel, wenn die Cloud eine eigene Zertifizierungsstelle hat.</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA-&amp;Bündel:</translation>
    </message>
</context>
<context>
    <name>sv::ui::CloudTreeModel</name>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Server</numerusform>
        </translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Boot image: %1</source>
        <translation>Startabbild: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Could not load the servers: %1</source>
        <translation>Die Server konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1
Double-click or choose Retry to try again.</source>
        <translation>%1
Doppelklicken oder „Erneut versuchen“ wählen, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Boot volume</source>
        <translation>Boot-Volume</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Volume type: %1</source>
        <translation>Volume-Typ: %1</translation>
    </message>
    <message>
        <source>Size and device unknown: Cinder did not list this volume.</source>
        <translation>Größe und Gerät unbekannt: Cinder hat dieses Volume nicht aufgeführt.</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n Projekt</numerusform>
            <numerusform>%n Projekte</numerusform>
        </translation>
    </message>
    <message>
        <source>The servers of every project of this cloud, as its admin credentials see them, grouped by project (each project is listed when you open it).</source>
        <translation>Die Server aller Projekte dieser Cloud, wie ihre Admin-Zugangsdaten sie sehen, nach Projekt gruppiert (jedes Projekt wird beim Öffnen aufgelistet).</translation>
    </message>
    <message>
        <source>Project ID: %1</source>
        <translation>Projekt-ID: %1</translation>
    </message>
    <message>
        <source>Could not load the projects: %1</source>
        <translation>Die Projekte konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>sv::ui::CoreBackend</name>
    <message>
        <source>This cloud is no longer saved.</source>
        <translation>Diese Cloud ist nicht mehr gespeichert.</translation>
    </message>
    <message>
        <source>Open the cloud in the tree first so that StackVault can sign in to it.</source>
        <translation>Öffnen Sie die Cloud zuerst im Baum, damit StackVault sich bei ihr anmelden kann.</translation>
    </message>
    <message>
        <source>Delete backup of %1</source>
        <translation>Sicherung von %1 löschen</translation>
    </message>
    <message>
        <source>StackVault has not signed in to the target cloud yet; go back one page and wait for its flavors to load.</source>
        <translation>StackVault hat sich noch nicht bei der Ziel-Cloud angemeldet; gehen Sie eine Seite zurück und warten Sie, bis ihre Flavors geladen sind.</translation>
    </message>
    <message>
        <source>To restore into another project or region, save a cloud for it under Manage Clouds and choose that cloud as the target.</source>
        <translation>Um in ein anderes Projekt oder eine andere Region wiederherzustellen, speichern Sie dafür unter „Clouds verwalten“ eine Cloud und wählen Sie diese als Ziel.</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>(kein Projekt)</translation>
    </message>
    <message numerus="yes">
        <source>Signed in to project %1. The cloud offers %n service(s).</source>
        <translation>
            <numerusform>Am Projekt %1 angemeldet. Die Cloud bietet %n Dienst an.</numerusform>
            <numerusform>Am Projekt %1 angemeldet. Die Cloud bietet %n Dienste an.</numerusform>
        </translation>
    </message>
    <message>
        <source>StackVault has not signed in to cloud %1 yet; try again in a moment.</source>
        <translation>StackVault ist noch nicht bei der Cloud %1 angemeldet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Keystone does not list this cloud&apos;s projects to these credentials (%1): &quot;All projects&quot; needs a cloud admin&apos;s.</source>
        <translation>Keystone listet die Projekte dieser Cloud für diese Zugangsdaten nicht auf (%1): „Alle Projekte“ braucht die eines Cloud-Admins.</translation>
    </message>
    <message>
        <source>Nova does not list other projects&apos; servers to these credentials (%1): they are not a cloud admin&apos;s.</source>
        <translation>Nova listet die Server anderer Projekte für diese Zugangsdaten nicht auf (%1): Es sind nicht die eines Cloud-Admins.</translation>
    </message>
</context>
<context>
    <name>sv::ui::DesktopApp</name>
    <message>
        <source>The saved clouds could not be read.</source>
        <translation>Die gespeicherten Clouds konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Until then, “Include server data” starts checked (the default).</source>
        <translation>Bis dahin ist „Serverdaten einschließen“ zu Beginn angehakt (die Voreinstellung).</translation>
    </message>
    <message>
        <source>Until then, every attached volume starts checked (the default).</source>
        <translation>Bis dahin ist jedes angehängte Volume zu Beginn angehakt (der Standard).</translation>
    </message>
    <message>
        <source>S3 Secret Key</source>
        <translation>Geheimer S3-Schlüssel</translation>
    </message>
    <message>
        <source>The secret key was not saved: %1</source>
        <translation>Der geheime Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>sv::ui::Formatting</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (boot volume)</source>
        <translation>%1 (Boot-Volume)</translation>
    </message>
</context>
<context>
    <name>sv::ui::HelpDialog</name>
    <message>
        <source>StackVault Help</source>
        <translation>StackVault-Hilfe</translation>
    </message>
    <message>
        <source>Backing up a server</source>
        <translation>Einen Server sichern</translation>
    </message>
    <message>
        <source>Add your cloud under &lt;b&gt;Cloud › Manage Clouds…&lt;/b&gt; (or import a clouds.yaml file). Its servers appear in the tree on the left. Select a server, choose whether to include its data, and click &lt;b&gt;Back Up&lt;/b&gt;. The job appears at the bottom of the window with its progress; you can cancel it at any time.</source>
        <translation>Fügen Sie Ihre Cloud unter &lt;b&gt;Cloud › Clouds verwalten …&lt;/b&gt; hinzu (oder importieren Sie eine clouds.yaml-Datei). Ihre Server erscheinen im Baum links. Wählen Sie einen Server, entscheiden Sie, ob seine Daten eingeschlossen werden sollen, und klicken Sie auf &lt;b&gt;Sichern&lt;/b&gt;. Der Auftrag erscheint mit seinem Fortschritt unten im Fenster; Sie können ihn jederzeit abbrechen.</translation>
    </message>
    <message>
        <source>Include server data</source>
        <translation>Serverdaten einschließen</translation>
    </message>
    <message>
        <source>A server started from an image keeps writing to its disk after it boots. With &lt;b&gt;Include server data&lt;/b&gt; turned on, StackVault first takes a snapshot of the server, waits until the snapshot image is ready, and backs up that new image instead of the original one, so the backup contains everything written since boot. The temporary snapshot is deleted afterwards, also when the backup fails or is cancelled.</source>
        <translation>Ein aus einem Abbild gestarteter Server schreibt nach dem Start weiter auf seine Festplatte. Ist &lt;b&gt;Serverdaten einschließen&lt;/b&gt; eingeschaltet, erstellt StackVault zuerst einen Snapshot des Servers, wartet, bis das Snapshot-Abbild bereit ist, und sichert dieses neue Abbild anstelle des ursprünglichen – die Sicherung enthält also alles, was seit dem Start geschrieben wurde. Der temporäre Snapshot wird danach gelöscht, auch wenn die Sicherung fehlschlägt oder abgebrochen wird.</translation>
    </message>
    <message>
        <source>With the option turned off, only the original image the server was started from is saved: data written after boot is &lt;b&gt;not&lt;/b&gt; included. This is faster and needs no snapshot, and is enough for servers that keep no data of their own.</source>
        <translation>Ist die Option ausgeschaltet, wird nur das Originalabbild gesichert, aus dem der Server gestartet wurde: Nach dem Start geschriebene Daten sind &lt;b&gt;nicht&lt;/b&gt; enthalten. Das geht schneller, braucht keinen Snapshot und genügt für Server, die keine eigenen Daten halten.</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>Eine Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Backup storage</source>
        <translation>Sicherungsspeicher</translation>
    </message>
    <message>
        <source>If StackVault is stopped in the middle of a backup (a crash, a power cut), the snapshot is removed by itself the next time StackVault starts; the Jobs list says what was removed.</source>
        <translation>Wird StackVault mitten in einer Sicherung beendet (ein Absturz, ein Stromausfall), wird der Snapshot beim nächsten Start von StackVault von selbst entfernt; die Auftragsliste zeigt, was entfernt wurde.</translation>
    </message>
    <message>
        <source>Quitting while jobs run asks first: &lt;b&gt;Keep Running&lt;/b&gt;, or &lt;b&gt;Cancel Jobs and Quit&lt;/b&gt;. Then StackVault cancels the jobs and waits until each has removed what it made in the cloud (the status bar says “Cleaning up…”; at most a minute), and quits.</source>
        <translation>Beim Beenden mit laufenden Aufträgen fragt StackVault zuerst: &lt;b&gt;Weiterlaufen lassen&lt;/b&gt; oder &lt;b&gt;Aufträge abbrechen und beenden&lt;/b&gt;. Dann bricht StackVault die Aufträge ab und wartet, bis jeder entfernt hat, was er in der Cloud angelegt hat (die Statusleiste zeigt „Wird aufgeräumt…“; höchstens eine Minute), und wird beendet.</translation>
    </message>
    <message>
        <source>The option is on by default. Change its default under &lt;b&gt;Settings › Preferences…&lt;/b&gt;, or per backup with the checkbox next to the Back Up button. The setting is stored as &lt;code&gt;enable_server_snapshot&lt;/code&gt; in the &lt;code&gt;[protection]&lt;/code&gt; section of StackVault&apos;s settings file (Karbor&apos;s section &lt;code&gt;[image_backup_plugin]&lt;/code&gt; is read too when &lt;code&gt;[protection]&lt;/code&gt; does not set it); it takes true/false, yes/no, on/off or 1/0. The command line&apos;s &lt;code&gt;--include-data&lt;/code&gt; and &lt;code&gt;--no-include-data&lt;/code&gt; override it for one backup.</source>
        <translation>Die Option ist standardmäßig eingeschaltet. Ändern Sie die Voreinstellung unter &lt;b&gt;Einstellungen › Einstellungen…&lt;/b&gt; oder für eine Sicherung mit dem Kästchen neben der Schaltfläche „Sichern“. Die Einstellung steht als &lt;code&gt;enable_server_snapshot&lt;/code&gt; im Abschnitt &lt;code&gt;[protection]&lt;/code&gt; der Einstellungsdatei von StackVault (Karbors Abschnitt &lt;code&gt;[image_backup_plugin]&lt;/code&gt; wird ebenfalls gelesen, wenn &lt;code&gt;[protection]&lt;/code&gt; sie nicht setzt); sie nimmt true/false, yes/no, on/off oder 1/0. &lt;code&gt;--include-data&lt;/code&gt; und &lt;code&gt;--no-include-data&lt;/code&gt; der Befehlszeile überschreiben sie für eine Sicherung.</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <source>Each backup says what is known about its disk: &lt;b&gt;original image&lt;/b&gt; (no snapshot was taken), &lt;b&gt;crash-consistent&lt;/b&gt; (a snapshot of a server whose image has no QEMU guest agent: the disk is as after a power cut) or &lt;b&gt;quiesce requested&lt;/b&gt; (the image has the guest agent, so Nova tried to freeze the guest&apos;s file systems for the snapshot). OpenStack does not report whether the freeze happened: Nova goes on without it if it fails, unless the image has &lt;code&gt;os_require_quiesce=yes&lt;/code&gt;, which is then noted.</source>
        <translation>Jede Sicherung sagt, was über ihre Festplatte bekannt ist: &lt;b&gt;Originalabbild&lt;/b&gt; (kein Snapshot erstellt), &lt;b&gt;absturzkonsistent&lt;/b&gt; (ein Snapshot eines Servers, dessen Abbild keinen QEMU-Gastagenten hat: die Festplatte ist wie nach einem Stromausfall) oder &lt;b&gt;Stilllegung angefordert&lt;/b&gt; (das Abbild hat den Gastagenten, also hat Nova versucht, die Dateisysteme des Gastes für den Snapshot einzufrieren). OpenStack meldet nicht, ob eingefroren wurde: Nova macht ohne weiter, wenn es scheitert, außer das Abbild hat &lt;code&gt;os_require_quiesce=yes&lt;/code&gt;, was dann vermerkt wird.</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Backups&lt;/b&gt; tab, select a backup and click &lt;b&gt;Restore…&lt;/b&gt;. The wizard asks for the target cloud and for the new server&apos;s name, flavor, networks, key pair, security groups and availability zone; it suggests the values saved with the backup. A saved cloud belongs to one project and region: to restore into another, save a cloud for it under Manage Clouds.</source>
        <translation>Öffnen Sie den Reiter &lt;b&gt;Sicherungen&lt;/b&gt;, wählen Sie eine Sicherung und klicken Sie auf &lt;b&gt;Wiederherstellen…&lt;/b&gt;. Der Assistent fragt nach der Ziel-Cloud und nach Name, Flavor, Netzwerken, Schlüsselpaar, Sicherheitsgruppen und Verfügbarkeitszone des neuen Servers; er schlägt die mit der Sicherung gespeicherten Werte vor. Eine gespeicherte Cloud gehört zu einem Projekt und einer Region: Um in ein anderes wiederherzustellen, speichern Sie unter „Clouds verwalten“ eine Cloud dafür.</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>A server&apos;s attached volumes are listed under it in the tree, with their size and device, and in the details pane with a checkbox each: the pane lists exactly what a backup will contain. With &lt;b&gt;Include server data&lt;/b&gt; on, StackVault snapshots the checked volumes right after the root disk, reads each snapshot through a temporary volume and image, and saves its bytes with the server; the temporary snapshots, volumes and images are deleted afterwards, also when the backup fails or is cancelled, and after a crash the next time StackVault starts.</source>
        <translation>Die angehängten Volumes eines Servers stehen im Baum unter ihm, mit Größe und Gerät, und im Detailbereich mit je einem Kontrollkästchen: Der Bereich zeigt genau, was eine Sicherung enthalten wird. Mit &lt;b&gt;Serverdaten einschließen&lt;/b&gt; erstellt StackVault direkt nach der Root-Disk Snapshots der angehakten Volumes, liest jeden Snapshot über ein temporäres Volume und Abbild und speichert seine Bytes mit dem Server; die temporären Snapshots, Volumes und Abbilder werden danach gelöscht, auch wenn die Sicherung fehlschlägt oder abgebrochen wird, und nach einem Absturz beim nächsten Start von StackVault.</translation>
    </message>
    <message>
        <source>Which volumes are checked at first is the setting &lt;code&gt;back_up_volumes&lt;/code&gt; in the &lt;code&gt;[protection]&lt;/code&gt; section: &lt;code&gt;all&lt;/code&gt; (the default), &lt;code&gt;none&lt;/code&gt;, or names and ids separated by commas. The command line&apos;s &lt;code&gt;--volumes&lt;/code&gt; overrides it for one backup.</source>
        <translation>Welche Volumes zu Beginn angehakt sind, bestimmt die Einstellung &lt;code&gt;back_up_volumes&lt;/code&gt; im Abschnitt &lt;code&gt;[protection]&lt;/code&gt;: &lt;code&gt;all&lt;/code&gt; (Standard), &lt;code&gt;none&lt;/code&gt; oder durch Kommas getrennte Namen und IDs. Auf der Kommandozeile überschreibt &lt;code&gt;--volumes&lt;/code&gt; sie für eine Sicherung.</translation>
    </message>
    <message>
        <source>With the option turned off, no volume is saved (a volume has no original image to fall back on): the checkboxes are disabled and the pane says so. A server that boots from a volume is backed up from snapshots of its volumes, its boot volume always included; without its data it cannot be backed up at all, and the pane says why.</source>
        <translation>Ist die Option ausgeschaltet, wird kein Volume gesichert (ein Volume hat kein Originalabbild, auf das man zurückgreifen könnte): Die Kontrollkästchen sind deaktiviert, und der Bereich sagt es. Ein Server, der von einem Volume startet, wird aus Snapshots seiner Volumes gesichert, sein Boot-Volume immer eingeschlossen; ohne seine Daten kann er gar nicht gesichert werden, und der Bereich sagt, warum.</translation>
    </message>
    <message>
        <source>When the backup holds volumes, the wizard lists them and asks whether to restore the server with its volumes or only the volumes. A saved volume type that the target cloud does not have gets the target&apos;s default type, with a warning, unless you choose another of the target&apos;s types.</source>
        <translation>Enthält die Sicherung Volumes, listet der Assistent sie auf und fragt, ob der Server mit seinen Volumes oder nur die Volumes wiederhergestellt werden sollen. Ein gesicherter Volume-Typ, den die Ziel-Cloud nicht hat, erhält mit einer Warnung den Standardtyp des Ziels, sofern Sie keinen anderen Typ des Ziels wählen.</translation>
    </message>
    <message>
        <source>Backups are stored in a folder on this computer, in a Swift container of a saved cloud, or in an S3 bucket (see Preferences). Data shared between backups is stored only once, so a second backup of an unchanged server takes almost no space. &lt;b&gt;Verify&lt;/b&gt; reads a backup back and checks every piece of it.</source>
        <translation>Sicherungen werden in einem Ordner auf diesem Computer, in einem Swift-Container einer gespeicherten Cloud oder in einem S3-Bucket gespeichert (siehe Einstellungen). Daten, die mehrere Sicherungen gemeinsam haben, werden nur einmal gespeichert, sodass eine zweite Sicherung eines unveränderten Servers fast keinen Platz braucht. &lt;b&gt;Überprüfen&lt;/b&gt; liest eine Sicherung zurück und prüft jedes ihrer Teile.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>A new backup storage is encrypted: the data of every disk and the description of every backup are sealed with AES-256-GCM under a random key kept in the storage, locked by your passphrase. StackVault asks for the passphrase once (twice for a new storage) and keeps it in the keychain. It cannot be recovered: without it, no backup in that storage can be read. Storage made by an earlier version stays unencrypted and the &lt;b&gt;Backups&lt;/b&gt; tab says so. Add or change passphrases with &lt;code&gt;stackvault-cli key&lt;/code&gt;.</source>
        <translation>Ein neuer Sicherungsspeicher wird verschlüsselt: Die Daten jeder Festplatte und die Beschreibung jeder Sicherung werden mit AES-256-GCM unter einem zufälligen Schlüssel versiegelt, der im Speicher liegt und durch Ihre Passphrase geschützt ist. StackVault fragt einmal nach der Passphrase (bei einem neuen Speicher zweimal) und bewahrt sie im Schlüsselbund auf. Sie lässt sich nicht wiederherstellen: Ohne sie kann keine Sicherung in diesem Speicher gelesen werden. Speicher aus einer früheren Version bleibt unverschlüsselt, und der Reiter &lt;b&gt;Sicherungen&lt;/b&gt; zeigt das an. Passphrasen fügen Sie mit &lt;code&gt;stackvault-cli key&lt;/code&gt; hinzu oder ändern sie damit.</translation>
    </message>
</context>
<context>
    <name>sv::ui::JobListModel</name>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
</context>
<context>
    <name>sv::ui::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details …</translation>
    </message>
    <message>
        <source>Clear &amp;Finished</source>
        <translation>&amp;Erledigte entfernen</translation>
    </message>
    <message>
        <source>Job Failed</source>
        <translation>Auftrag fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No further details.</source>
        <translation>Keine weiteren Details.</translation>
    </message>
</context>
<context>
    <name>sv::ui::LanguageManager</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>sv::ui::MainWindow</name>
    <message>
        <source>StackVault</source>
        <translation>StackVault</translation>
    </message>
    <message>
        <source>Filter servers</source>
        <translation>Server filtern</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Back&amp;ups</source>
        <translation>Sic&amp;herungen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Could not list the backups: %1</source>
        <translation>Die Sicherungen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Filter Servers</source>
        <translation>Server &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Back Up Server</source>
        <translation>Server &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore Backup…</source>
        <translation>Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Manage Clouds…</source>
        <translation>Clouds &amp;verwalten …</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>StackVault &amp;Help</source>
        <translation>StackVault-&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About StackVault</source>
        <translation>&amp;Über StackVault</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation>&amp;Aufträge anzeigen</translation>
    </message>
    <message>
        <source>&amp;Cloud</source>
        <translation>&amp;Cloud</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This is not available yet.</source>
        <translation>Dies ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot Back Up</source>
        <translation>Sichern nicht möglich</translation>
    </message>
    <message>
        <source>Backing up “%1”…</source>
        <translation>„%1“ wird gesichert …</translation>
    </message>
    <message>
        <source>Cannot Verify</source>
        <translation>Überprüfen nicht möglich</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>The backup is intact.</source>
        <translation>Die Sicherung ist unversehrt.</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>Ein Auftrag ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>About StackVault</source>
        <translation>Über StackVault</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StackVault %1&lt;/h3&gt;&lt;p&gt;Back up OpenStack servers with their data, and restore them into any cloud, project or region.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StackVault %1&lt;/h3&gt;&lt;p&gt;OpenStack-Server samt Daten sichern und in jeder Cloud, jedem Projekt und jeder Region wiederherstellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit StackVault?</source>
        <translation>StackVault beenden?</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Keep them running, or cancel them and quit? When cancelled, a job first removes what it made in the cloud (a backup&apos;s temporary snapshot, a half-made restore); StackVault quits when that is done.</source>
        <translation>
            <numerusform>Noch %n Auftrag läuft. Weiterlaufen lassen oder abbrechen und beenden? Ein abgebrochener Auftrag entfernt zuerst, was er in der Cloud angelegt hat (den temporären Snapshot einer Sicherung, eine halb fertige Wiederherstellung); danach wird StackVault beendet.</numerusform>
            <numerusform>Noch %n Aufträge laufen. Weiterlaufen lassen oder abbrechen und beenden? Ein abgebrochener Auftrag entfernt zuerst, was er in der Cloud angelegt hat (den temporären Snapshot einer Sicherung, eine halb fertige Wiederherstellung); danach wird StackVault beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Jobs and Quit</source>
        <translation>Aufträge abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message numerus="yes">
        <source>Cleaning up… StackVault quits as soon as the cancelled jobs have removed what they made (at most %n second(s)).</source>
        <translation>
            <numerusform>Wird aufgeräumt… StackVault wird beendet, sobald die abgebrochenen Aufträge entfernt haben, was sie angelegt haben (höchstens %n Sekunde).</numerusform>
            <numerusform>Wird aufgeräumt… StackVault wird beendet, sobald die abgebrochenen Aufträge entfernt haben, was sie angelegt haben (höchstens %n Sekunden).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Remove Leftovers</source>
        <translation>Überbleibsel können nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Exporting the backup of “%1” to %2…</source>
        <translation>Die Sicherung von „%1“ wird nach %2 exportiert…</translation>
    </message>
    <message>
        <source>Raw disk image (*.raw *.img)</source>
        <translation>Raw-Datenträgerabbild (*.raw *.img)</translation>
    </message>
    <message>
        <source>QCOW2 disk image (*.qcow2)</source>
        <translation>QCOW2-Datenträgerabbild (*.qcow2)</translation>
    </message>
    <message>
        <source>Export Backup of “%1”</source>
        <translation>Sicherung von „%1“ exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export Backup of “%1” (the root disk; %n volume(s) beside it)</source>
        <translation>
            <numerusform>Sicherung von „%1“ exportieren (der Root-Datenträger; %n Volume daneben)</numerusform>
            <numerusform>Sicherung von „%1“ exportieren (der Root-Datenträger; %n Volumes daneben)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Test the Restore</source>
        <translation>Wiederherstellung kann nicht getestet werden</translation>
    </message>
    <message>
        <source>Testing the restore of backup %1…</source>
        <translation>Wiederherstellung der Sicherung %1 wird getestet…</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>&amp;Pläne</translation>
    </message>
    <message>
        <source>Plan %1: </source>
        <translation>Plan %1: </translation>
    </message>
    <message>
        <source>Plan %1 is running: a cancelled run is recorded as cancelled in its history, and its schedule runs it again next time.</source>
        <translation>Plan %1 läuft: Ein abgebrochener Lauf wird in seinem Verlauf als abgebrochen vermerkt, und sein Zeitplan führt ihn beim nächsten Mal erneut aus.</translation>
    </message>
</context>
<context>
    <name>sv::ui::PassphraseDialog</name>
    <message>
        <source>New Encrypted Backup Storage</source>
        <translation>Neuer verschlüsselter Sicherungsspeicher</translation>
    </message>
    <message>
        <source>Encrypted Backup Storage</source>
        <translation>Verschlüsselter Sicherungsspeicher</translation>
    </message>
    <message>
        <source>The backup storage %1 is new and will be encrypted. Choose its passphrase. It cannot be recovered: without it, no backup in this storage can be read. StackVault keeps it in the keychain.</source>
        <translation>Der Sicherungsspeicher %1 ist neu und wird verschlüsselt. Wählen Sie seine Passphrase. Sie lässt sich nicht wiederherstellen: Ohne sie kann keine Sicherung in diesem Speicher gelesen werden. StackVault bewahrt sie im Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>The backup storage %1 is encrypted. Enter its passphrase; StackVault keeps it in the keychain.</source>
        <translation>Der Sicherungsspeicher %1 ist verschlüsselt. Geben Sie seine Passphrase ein; StackVault bewahrt sie im Schlüsselbund auf.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanEditorDialog</name>
    <message>
        <source>Keep everything</source>
        <translation>Alles behalten</translation>
    </message>
    <message>
        <source>7 daily, 4 weekly, 6 monthly</source>
        <translation>7 täglich, 4 wöchentlich, 6 monatlich</translation>
    </message>
    <message>
        <source>24 hourly, 7 daily, 4 weekly</source>
        <translation>24 stündlich, 7 täglich, 4 wöchentlich</translation>
    </message>
    <message>
        <source>14 daily, 8 weekly, 12 monthly, 3 yearly</source>
        <translation>14 täglich, 8 wöchentlich, 12 monatlich, 3 jährlich</translation>
    </message>
    <message>
        <source>The last 10 backups</source>
        <translation>Die letzten 10 Sicherungen</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Edit Plan “%1”</source>
        <translation>Plan „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>Neuer Plan</translation>
    </message>
    <message>
        <source>&amp;Save Plan</source>
        <translation>Plan &amp;speichern</translation>
    </message>
    <message>
        <source>Next runs: %1</source>
        <translation>Nächste Läufe: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>e.g. nightly-prod</source>
        <translation>z. B. nightly-prod</translation>
    </message>
    <message>
        <source>&amp;Enabled (scheduled runs back up; a disabled plan&apos;s scheduled runs do nothing)</source>
        <translation>&amp;Aktiviert (geplante Läufe sichern; die geplanten Läufe eines deaktivierten Plans tun nichts)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>C&amp;hosen servers</source>
        <translation>Ausge&amp;wählte Server</translation>
    </message>
    <message>
        <source>Servers matching a &amp;selector (evaluated at every run: new servers are picked up)</source>
        <translation>Server, die zu einem &amp;Selektor passen (bei jedem Lauf ausgewertet: neue Server werden erfasst)</translation>
    </message>
    <message>
        <source>&amp;Add Checked Servers</source>
        <translation>Markierte Server &amp;hinzufügen</translation>
    </message>
    <message>
        <source>any tag</source>
        <translation>beliebiges Tag</translation>
    </message>
    <message>
        <source>any name (wildcards: * ? [abc])</source>
        <translation>beliebiger Name (Platzhalter: * ? [abc])</translation>
    </message>
    <message>
        <source>Add Se&amp;lector</source>
        <translation>Se&amp;lektor hinzufügen</translation>
    </message>
    <message>
        <source>With &amp;tag:</source>
        <translation>Mit &amp;Tag:</translation>
    </message>
    <message>
        <source>Named &amp;like:</source>
        <translation>Name &amp;wie:</translation>
    </message>
    <message>
        <source>Add from cloud:</source>
        <translation>Aus Cloud hinzufügen:</translation>
    </message>
    <message>
        <source>This plan backs up:</source>
        <translation>Dieser Plan sichert:</translation>
    </message>
    <message>
        <source>A selector: evaluated at every run.</source>
        <translation>Ein Selektor: bei jedem Lauf ausgewertet.</translation>
    </message>
    <message>
        <source>One server, by name or id.</source>
        <translation>Ein Server, nach Name oder ID.</translation>
    </message>
    <message>
        <source>No cloud is saved: add one under Cloud → Manage Clouds first.</source>
        <translation>Keine Cloud gespeichert: Fügen Sie zuerst unter Cloud → Clouds verwalten eine hinzu.</translation>
    </message>
    <message>
        <source>Listing the servers of %1…</source>
        <translation>Server von %1 werden aufgelistet …</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) in %1 now.</source>
        <translation>
            <numerusform>%n Server in %1 derzeit.</numerusform>
            <numerusform>%n Server in %1 derzeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>The servers of %1 could not be listed: %2</source>
        <translation>Die Server von %1 konnten nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>%1 — tags: %2</source>
        <translation>%1 — Tags: %2</translation>
    </message>
    <message>
        <source>Choose a cloud.</source>
        <translation>Wählen Sie eine Cloud.</translation>
    </message>
    <message>
        <source>No preview: the servers of %1 could not be listed.</source>
        <translation>Keine Vorschau: Die Server von %1 konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cloud %1 does not show servers&apos; tags (its compute API is older than 2.26): a selector with a tag would choose none of its servers.</source>
        <translation>Cloud %1 zeigt keine Server-Tags (ihre Compute-API ist älter als 2.26): Ein Selektor mit Tag würde keinen ihrer Server wählen.</translation>
    </message>
    <message>
        <source>Working out which servers match…</source>
        <translation>Passende Server werden ermittelt …</translation>
    </message>
    <message>
        <source>No server of %1 matches %2 now (new ones that match will be picked up).</source>
        <translation>Derzeit passt kein Server von %1 zu %2 (neue passende Server werden erfasst).</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) match now:</source>
        <translation>
            <numerusform>%n Server passt derzeit:</numerusform>
            <numerusform>%n Server passen derzeit:</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Include server &amp;data (snapshot each server first)</source>
        <translation>Server&amp;daten einschließen (zuerst von jedem Server einen Snapshot erstellen)</translation>
    </message>
    <message>
        <source>Every attached volume</source>
        <translation>Jedes angehängte Volume</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>Kein Volume</translation>
    </message>
    <message>
        <source>The volumes named below</source>
        <translation>Die unten genannten Volumes</translation>
    </message>
    <message>
        <source>names or ids, separated by commas</source>
        <translation>Namen oder IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET</source>
        <translation>ein Ordner, swift:CLOUD/CONTAINER oder s3:PROFIL/BUCKET</translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation>&amp;Volumes:</translation>
    </message>
    <message>
        <source>Backup &amp;storage:</source>
        <translation>Sicherungs&amp;speicher:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>By hand only</source>
        <translation>Nur von Hand</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Calendar expression (systemd)</source>
        <translation>Kalenderausdruck (systemd)</translation>
    </message>
    <message>
        <source>at minute </source>
        <translation>zur Minute </translation>
    </message>
    <message>
        <source>e.g. Mon..Fri *-*-* 02:00</source>
        <translation>z. B. Mon..Fri *-*-* 02:00</translation>
    </message>
    <message>
        <source>Runs only when started with Run Now (or `stackvault-cli plans run`).</source>
        <translation>Läuft nur, wenn mit „Jetzt ausführen“ (oder `stackvault-cli plans run`) gestartet.</translation>
    </message>
    <message>
        <source>Working out the next runs…</source>
        <translation>Die nächsten Läufe werden ermittelt …</translation>
    </message>
    <message>
        <source>Retention (applied after every run, to this plan&apos;s backups only)</source>
        <translation>Aufbewahrung (nach jedem Lauf angewandt, nur auf die Sicherungen dieses Plans)</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzte</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>e.g. 30d or 1y6m</source>
        <translation>z. B. 30d oder 1y6m</translation>
    </message>
    <message>
        <source>All within</source>
        <translation>Alle innerhalb</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>Every backup of this plan is kept; nothing is ever removed.</source>
        <translation>Jede Sicherung dieses Plans wird behalten; nichts wird je entfernt.</translation>
    </message>
    <message>
        <source>Each server&apos;s backups: %1. The newest backup is never removed.</source>
        <translation>Sicherungen jedes Servers: %1. Die neueste Sicherung wird nie entfernt.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>Back up &amp;servers:</source>
        <translation>&amp;Server sichern:</translation>
    </message>
    <message>
        <source>Give a calendar expression, or choose another schedule.</source>
        <translation>Geben Sie einen Kalenderausdruck an oder wählen Sie einen anderen Zeitplan.</translation>
    </message>
    <message>
        <source>Name the volumes to save, or choose every volume or none.</source>
        <translation>Nennen Sie die zu sichernden Volumes oder wählen Sie alle oder keine.</translation>
    </message>
    <message>
        <source>A plan named &quot;%1&quot; already exists.</source>
        <translation>Ein Plan namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>&amp;Test a restore after each run</source>
        <translation>Nach jedem Lauf eine Wiederherstellung &amp;testen</translation>
    </message>
    <message>
        <source>One backup the run made is restored under a scratch name, waited for until it boots, and removed again; the result is recorded on the backup. A failed test makes the run fail.</source>
        <translation>Eine Sicherung des Laufs wird unter einem Testnamen wiederhergestellt, bis zum Start abgewartet und wieder entfernt; das Ergebnis wird in der Sicherung vermerkt. Ein fehlgeschlagener Test lässt den Lauf fehlschlagen.</translation>
    </message>
    <message>
        <source>The server&apos;s own cloud</source>
        <translation>Die Cloud des Servers</translation>
    </message>
    <message>
        <source>e.g. login: (empty: ACTIVE is enough)</source>
        <translation>z. B. login: (leer: ACTIVE genügt)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Test &amp;in:</source>
        <translation>Testen &amp;in:</translation>
    </message>
    <message>
        <source>Console &amp;marker:</source>
        <translation>Konsolen&amp;marke:</translation>
    </message>
    <message>
        <source>Wait at &amp;most:</source>
        <translation>&amp;Höchstens warten:</translation>
    </message>
    <message>
        <source>In &amp;all projects (the cloud&apos;s admin credentials; listed at each run)</source>
        <translation>In &amp;allen Projekten (Admin-Zugangsdaten der Cloud; bei jedem Lauf aufgelistet)</translation>
    </message>
    <message>
        <source>No preview for all projects: the servers of every project of %1 are listed when the plan runs (its credentials need the admin role).</source>
        <translation>Keine Vorschau für alle Projekte: Die Server aller Projekte von %1 werden beim Lauf des Plans aufgelistet (die Zugangsdaten brauchen die Admin-Rolle).</translation>
    </message>
    <message>
        <source>Times are local. Unattended runs need the schedule installed: Install Schedule in the Plans view, or `stackvault-cli plans schedule install NAME`.</source>
        <translation>Zeiten sind lokal. Unbeaufsichtigte Läufe brauchen den installierten Zeitplan: Zeitplan installieren in der Plan-Ansicht oder `stackvault-cli plans schedule install NAME`.</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanFormat</name>
    <message>
        <source>By hand only</source>
        <translation>Nur von Hand</translation>
    </message>
    <message>
        <source>Hourly at minute %1</source>
        <translation>Stündlich zur Minute %1</translation>
    </message>
    <message>
        <source>Daily at %1</source>
        <translation>Täglich um %1</translation>
    </message>
    <message>
        <source>Weekly on %1 at %2</source>
        <translation>Wöchentlich am %1 um %2</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>Kalender: %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Nie gelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%3 of %n server(s) backed up)</source>
        <translation>
            <numerusform>%1 %2 (%3 von %n Server gesichert)</numerusform>
            <numerusform>%1 %2 (%3 von %n Servern gesichert)</numerusform>
        </translation>
    </message>
    <message>
        <source>No schedule</source>
        <translation>Kein Zeitplan</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>Nicht installiert</translation>
    </message>
    <message>
        <source>Written, not active (no systemd)</source>
        <translation>Geschrieben, nicht aktiv (kein systemd)</translation>
    </message>
    <message>
        <source>Installed, timer %1</source>
        <translation>Installiert, Timer %1</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>Installed, outdated: install again</source>
        <translation>Installiert, veraltet: erneut installieren</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanListModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Running now…</source>
        <translation>Läuft gerade …</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Not installed: Install Schedule (or `stackvault-cli plans schedule install %1`) makes it run unattended.</source>
        <translation>Nicht installiert: Zeitplan installieren (oder `stackvault-cli plans schedule install %1`) lässt ihn unbeaufsichtigt laufen.</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1).</source>
        <translation>Hier läuft keine systemd-Benutzerinstanz (%1).</translation>
    </message>
    <message>
        <source>Unattended</source>
        <translation>Unbeaufsichtigt</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanRunsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Servers backed up</source>
        <translation>Gesicherte Server</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanServerResultsModel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlansService</name>
    <message>
        <source>runs only when started by hand</source>
        <translation>läuft nur, wenn von Hand gestartet</translation>
    </message>
    <message>
        <source>The saved plans could not be read.</source>
        <translation>Die gespeicherten Pläne konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Plan %1 is running: change it when its run has ended.</source>
        <translation>Plan %1 läuft: Ändern Sie ihn, wenn sein Lauf beendet ist.</translation>
    </message>
    <message>
        <source>Plan %1 is running: cancel its run first.</source>
        <translation>Plan %1 läuft: Brechen Sie zuerst seinen Lauf ab.</translation>
    </message>
    <message>
        <source>No plan is named &quot;%1&quot;.</source>
        <translation>Kein Plan heißt „%1“.</translation>
    </message>
    <message>
        <source>Plan %1 is running already.</source>
        <translation>Plan %1 läuft bereits.</translation>
    </message>
    <message>
        <source>The backup storage %1 of plan %2 cannot be opened: %3</source>
        <translation>Der Sicherungsspeicher %1 von Plan %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>Plan %1 keeps every backup: it has no retention policy to preview. Edit the plan to set one.</source>
        <translation>Plan %1 behält jede Sicherung: Er hat keine Aufbewahrungsregel für eine Vorschau. Bearbeiten Sie den Plan, um eine festzulegen.</translation>
    </message>
    <message>
        <source>The backup storage %1 cannot be opened: %2</source>
        <translation>Der Sicherungsspeicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Plan %1 has its schedule installed under its name: remove it first (Remove Schedule), then rename the plan.</source>
        <translation>Plan %1 hat seinen Zeitplan unter seinem Namen installiert: Entfernen Sie ihn zuerst (Zeitplan entfernen), dann benennen Sie den Plan um.</translation>
    </message>
    <message>
        <source>Plan %1 has its schedule installed (a systemd user timer): remove the schedule first (Remove Schedule), then the plan.</source>
        <translation>Plan %1 hat seinen Zeitplan installiert (ein systemd-Benutzer-Timer): Entfernen Sie zuerst den Zeitplan (Zeitplan entfernen), dann den Plan.</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlansView</name>
    <message>
        <source>&amp;New Plan…</source>
        <translation>&amp;Neuer Plan …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Preview Retention…</source>
        <translation>Aufbewahrungs&amp;vorschau …</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <source>Plan %1 is running: its servers are in the jobs list below.</source>
        <translation>Plan %1 läuft: Seine Server stehen unten in der Auftragsliste.</translation>
    </message>
    <message numerus="yes">
        <source>Plan %1: %2, %3 of %n server(s) backed up.</source>
        <translation>
            <numerusform>Plan %1: %2, %3 von %n Server gesichert.</numerusform>
            <numerusform>Plan %1: %2, %3 von %n Servern gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan yet: New Plan… makes one.</source>
        <translation>Noch kein Plan: „Neuer Plan …“ legt einen an.</translation>
    </message>
    <message>
        <source>Run history of %1</source>
        <translation>Laufverlauf von %1</translation>
    </message>
    <message>
        <source>Plan %1 has not run yet.</source>
        <translation>Plan %1 ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <source>Plan %1 saved.</source>
        <translation>Plan %1 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot Run Plan</source>
        <translation>Plan kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Remove Plan?</source>
        <translation>Plan entfernen?</translation>
    </message>
    <message>
        <source>Remove plan %1 and its run history? Its backups stay in the backup storage.</source>
        <translation>Plan %1 und seinen Laufverlauf entfernen? Seine Sicherungen bleiben im Sicherungsspeicher.</translation>
    </message>
    <message>
        <source>Cannot Remove Plan</source>
        <translation>Plan kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Plan %1 removed; its backups stay in the backup storage.</source>
        <translation>Plan %1 entfernt; seine Sicherungen bleiben im Sicherungsspeicher.</translation>
    </message>
    <message>
        <source>Remove Plan</source>
        <translation>Plan entfernen</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>&amp;Install Schedule</source>
        <translation>Zeitplan &amp;installieren</translation>
    </message>
    <message>
        <source>Write the plan&apos;s systemd user timer and enable it, so that the plan runs unattended (as `stackvault-cli plans schedule install`).</source>
        <translation>Den systemd-Benutzer-Timer des Plans schreiben und aktivieren, damit der Plan unbeaufsichtigt läuft (wie `stackvault-cli plans schedule install`).</translation>
    </message>
    <message>
        <source>Remove Sc&amp;hedule</source>
        <translation>Zeitplan ent&amp;fernen</translation>
    </message>
    <message>
        <source>Disable and delete the plan&apos;s systemd user timer: it runs by hand only.</source>
        <translation>Den systemd-Benutzer-Timer des Plans deaktivieren und löschen: Er läuft dann nur von Hand.</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>The crontab line is copied: add it with `crontab -e`.</source>
        <translation>Die crontab-Zeile ist kopiert: Fügen Sie sie mit `crontab -e` hinzu.</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1): an installed schedule does not run on its own.</source>
        <translation>Hier läuft keine systemd-Benutzerinstanz (%1): Ein installierter Zeitplan läuft nicht von selbst.</translation>
    </message>
    <message>
        <source>stackvault-cli was not found, so there is no crontab line either.</source>
        <translation>stackvault-cli wurde nicht gefunden, daher gibt es auch keine crontab-Zeile.</translation>
    </message>
    <message>
        <source>To run plan %1 from cron instead, add this line with `crontab -e`:</source>
        <translation>Um Plan %1 stattdessen über cron auszuführen, fügen Sie diese Zeile mit `crontab -e` hinzu:</translation>
    </message>
    <message>
        <source>Installing the schedule of plan %1…</source>
        <translation>Zeitplan von Plan %1 wird installiert…</translation>
    </message>
    <message>
        <source>Removing the schedule of plan %1…</source>
        <translation>Zeitplan von Plan %1 wird entfernt…</translation>
    </message>
    <message>
        <source>Cannot Install Schedule of %1</source>
        <translation>Zeitplan von %1 kann nicht installiert werden</translation>
    </message>
    <message>
        <source>Cannot Remove Schedule of %1</source>
        <translation>Zeitplan von %1 kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>sv::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Include server data by default</source>
        <translation>Serverdaten standardmäßig einschließen</translation>
    </message>
    <message>
        <source>Takes a snapshot first so that data written since boot is backed up; otherwise only the original image is saved.</source>
        <translation>Erstellt zuerst einen Snapshot, damit seit dem Start geschriebene Daten gesichert werden; andernfalls wird nur das Originalabbild gespeichert.</translation>
    </message>
    <message>
        <source>A new language is used after StackVault is restarted.</source>
        <translation>Eine neue Sprache wird nach einem Neustart von StackVault verwendet.</translation>
    </message>
    <message>
        <source>&amp;Jobs at the same time:</source>
        <translation>&amp;Gleichzeitige Aufträge:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Backup Storage Folder</source>
        <translation>Ordner des Sicherungsspeichers</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>Lokaler Ordner</translation>
    </message>
    <message>
        <source>Swift container</source>
        <translation>Swift-Container</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation>C&amp;ontainer:</translation>
    </message>
    <message>
        <source>The container is created if it does not exist yet.</source>
        <translation>Der Container wird angelegt, falls er noch nicht existiert.</translation>
    </message>
    <message>
        <source>Backup &amp;storage:</source>
        <translation>Sicherungs&amp;speicher:</translation>
    </message>
    <message>
        <source>OK saves the choice above in its place.</source>
        <translation>„OK“ speichert stattdessen die obige Wahl.</translation>
    </message>
    <message>
        <source>All attached volumes</source>
        <translation>Alle angehängten Volumes</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>Kein Volume</translation>
    </message>
    <message>
        <source>Only the volumes named below</source>
        <translation>Nur die unten genannten Volumes</translation>
    </message>
    <message>
        <source>Names or IDs, separated by commas</source>
        <translation>Namen oder IDs, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Checked at first in the details pane when “Include server data” is on; each backup can change it.</source>
        <translation>Zu Beginn im Detailbereich angehakt, wenn „Serverdaten einschließen“ an ist; jede Sicherung kann es ändern.</translation>
    </message>
    <message>
        <source>Back up &amp;volumes:</source>
        <translation>&amp;Volumes sichern:</translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation>S3-Bucket</translation>
    </message>
    <message>
        <source>https://s3.example.com</source>
        <translation>https://s3.example.com</translation>
    </message>
    <message>
        <source>Path style (host/bucket)</source>
        <translation>Pfad-Stil (host/bucket)</translation>
    </message>
    <message>
        <source>Virtual-host style (bucket.host)</source>
        <translation>Virtual-Host-Stil (bucket.host)</translation>
    </message>
    <message>
        <source>Unchanged (kept in the keyring)</source>
        <translation>Unverändert (im Schlüsselbund)</translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation>Wird im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Addressing:</source>
        <translation>&amp;Adressierung:</translation>
    </message>
    <message>
        <source>Access &amp;key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>S&amp;ecret key:</source>
        <translation>Gehei&amp;mer Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket:</translation>
    </message>
    <message>
        <source>Give a bucket name (without &apos;/&apos;).</source>
        <translation>Geben Sie einen Bucket-Namen an (ohne &apos;/&apos;).</translation>
    </message>
    <message>
        <source>Give the secret key: it is kept in the keyring, never in the settings file.</source>
        <translation>Geben Sie den geheimen Schlüssel an: Er wird im Schlüsselbund gespeichert, nie in der Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreBackupPage</name>
    <message>
        <source>Choose the Backup</source>
        <translation>Sicherung auswählen</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sicherung:</translation>
    </message>
    <message>
        <source>There is no backup to restore yet.</source>
        <translation>Es gibt noch keine Sicherung zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Taken: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Größe: %1</translation>
    </message>
    <message>
        <source>Contents: %1</source>
        <translation>Inhalt: %1</translation>
    </message>
    <message>
        <source>Consistency: %1</source>
        <translation>Konsistenz: %1</translation>
    </message>
    <message>
        <source>Flavor when backed up: %1</source>
        <translation>Flavor bei der Sicherung: %1</translation>
    </message>
    <message>
        <source>Which backup should be restored?</source>
        <translation>Welche Sicherung soll wiederhergestellt werden?</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreDetailsPage</name>
    <message>
        <source>Server details</source>
        <translation>Serverdetails</translation>
    </message>
    <message>
        <source>The restored server gets what the backup saved; change or clear anything here. The key pair and the availability zone are on the previous page.</source>
        <translation>Der wiederhergestellte Server erhält, was die Sicherung gespeichert hat; hier können Sie alles ändern oder leeren. Schlüsselpaar und Verfügbarkeitszone stehen auf der vorigen Seite.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Fixed IP</source>
        <translation>Feste IP</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>Sicherheitsgruppen</translation>
    </message>
    <message>
        <source>One row per NIC, in order. A blank fixed IP lets the cloud choose; a taken one is replaced by a new address, with a warning. Security groups: names separated by commas.</source>
        <translation>Eine Zeile pro Netzwerkkarte, in Reihenfolge. Eine leere feste IP lässt die Cloud wählen; eine belegte wird durch eine neue Adresse ersetzt, mit einer Warnung. Sicherheitsgruppen: Namen durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>&amp;Remove NIC</source>
        <translation>Netzwerkkarte &amp;entfernen</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>Keine Tags</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation>SCHLÜSSEL=WERT, einer pro Zeile</translation>
    </message>
    <message>
        <source>No server group</source>
        <translation>Keine Servergruppe</translation>
    </message>
    <message>
        <source>A server group of this name in the target cloud; when there is none, the server is restored outside any group, with a warning.</source>
        <translation>Eine Servergruppe dieses Namens in der Ziel-Cloud; gibt es keine, wird der Server ohne Gruppe wiederhergestellt, mit einer Warnung.</translation>
    </message>
    <message>
        <source>&amp;Config drive</source>
        <translation>&amp;Konfigurationslaufwerk</translation>
    </message>
    <message>
        <source>Pass the saved &amp;user data</source>
        <translation>Gespeicherte &amp;Benutzerdaten übergeben</translation>
    </message>
    <message>
        <source>&amp;NICs:</source>
        <translation>&amp;Netzwerkkarten:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Server &amp;group:</source>
        <translation>Server&amp;gruppe:</translation>
    </message>
    <message>
        <source>The backup holds the server&apos;s user data (cloud-init); it is passed to the new server as it was.</source>
        <translation>Die Sicherung enthält die Benutzerdaten des Servers (cloud-init); sie werden dem neuen Server unverändert übergeben.</translation>
    </message>
    <message>
        <source>The cloud did not show the server&apos;s user data when it was backed up (only admins see it), so the backup has none.</source>
        <translation>Die Cloud hat die Benutzerdaten des Servers bei der Sicherung nicht gezeigt (nur Administratoren sehen sie), daher enthält die Sicherung keine.</translation>
    </message>
    <message>
        <source>The server had no user data.</source>
        <translation>Der Server hatte keine Benutzerdaten.</translation>
    </message>
    <message>
        <source>NIC %1: %2 is not an IP address. Correct it, or clear it to let the cloud choose.</source>
        <translation>Netzwerkkarte %1: %2 ist keine IP-Adresse. Korrigieren Sie sie oder leeren Sie sie, damit die Cloud wählt.</translation>
    </message>
    <message>
        <source>Metadata line &quot;%1&quot; is not KEY=VALUE.</source>
        <translation>Metadatenzeile „%1“ hat nicht die Form SCHLÜSSEL=WERT.</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>the cloud chooses the address</source>
        <translation>die Cloud wählt die Adresse</translation>
    </message>
    <message>
        <source>fixed IP %1</source>
        <translation>feste IP %1</translation>
    </message>
    <message>
        <source>no security group</source>
        <translation>keine Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>security groups %1</source>
        <translation>Sicherheitsgruppen %1</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreRunPage</name>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellung läuft</translation>
    </message>
    <message>
        <source>You can close this window; the restore also appears in the jobs list.</source>
        <translation>Sie können dieses Fenster schließen; die Wiederherstellung erscheint auch in der Auftragsliste.</translation>
    </message>
    <message>
        <source>The restore could not start: %1</source>
        <translation>Die Wiederherstellung konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>%1 — %2 of %3</source>
        <translation>%1 – %2 von %3</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>, noch %1</translation>
    </message>
    <message>
        <source>The server “%1” was restored (ID %2).</source>
        <translation>Der Server „%1“ wurde wiederhergestellt (ID %2).</translation>
    </message>
    <message>
        <source>Open it in the dashboard</source>
        <translation>Im Dashboard öffnen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The restore failed: %1
What it had created was removed.</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen: %1
Was sie bereits erstellt hatte, wurde entfernt.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The restore was cancelled; what it had created was removed.</source>
        <translation>Die Wiederherstellung wurde abgebrochen; was sie bereits erstellt hatte, wurde entfernt.</translation>
    </message>
    <message>
        <source>The volumes were restored: %1.</source>
        <translation>Die Volumes wurden wiederhergestellt: %1.</translation>
    </message>
    <message>
        <source>Volume %1: ID %2, type %3</source>
        <translation>Volume %1: ID %2, Typ %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The image “%1” was restored (ID %2). No server was started.</source>
        <translation>Das Image „%1“ wurde wiederhergestellt (ID %2). Es wurde kein Server gestartet.</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreServerPage</name>
    <message>
        <source>Server Options</source>
        <translation>Serveroptionen</translation>
    </message>
    <message>
        <source>How should the restored server look? The values saved with the backup are suggested.</source>
        <translation>Wie soll der wiederhergestellte Server aussehen? Vorgeschlagen werden die mit der Sicherung gespeicherten Werte.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>&amp;Flavor:</translation>
    </message>
    <message>
        <source>&amp;Key pair:</source>
        <translation>&amp;Schlüsselpaar:</translation>
    </message>
    <message>
        <source>&amp;Security groups:</source>
        <translation>Sicherheits&amp;gruppen:</translation>
    </message>
    <message>
        <source>%1-restored</source>
        <translation>%1-wiederhergestellt</translation>
    </message>
    <message>
        <source>Asking the target cloud for its flavors, networks and key pairs…</source>
        <translation>Die Ziel-Cloud wird nach Flavors, Netzwerken und Schlüsselpaaren gefragt …</translation>
    </message>
    <message>
        <source>The target cloud could not be asked: %1
Go back to choose another target, or try again.</source>
        <translation>Die Ziel-Cloud konnte nicht abgefragt werden: %1
Gehen Sie zurück, um ein anderes Ziel zu wählen, oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 RAM, %4 GB disk)</source>
        <translation>%1 (%2 vCPU, %3 RAM, %4 GB Festplatte)</translation>
    </message>
    <message>
        <source>(no key pair)</source>
        <translation>(kein Schlüsselpaar)</translation>
    </message>
    <message numerus="yes">
        <source>%n flavor(s) hidden: too small for the image (needs %1 GB disk, %2 MiB RAM).</source>
        <translation>
            <numerusform>%n Flavor ausgeblendet: zu klein für das Abbild (benötigt %1 GB Festplatte, %2 MiB RAM).</numerusform>
            <numerusform>%n Flavors ausgeblendet: zu klein für das Abbild (benötigt %1 GB Festplatte, %2 MiB RAM).</numerusform>
        </translation>
    </message>
    <message>
        <source>The target offers no flavor big enough for this backup.</source>
        <translation>Das Ziel bietet keinen Flavor, der für diese Sicherung groß genug ist.</translation>
    </message>
    <message>
        <source>The new server needs a name.</source>
        <translation>Der neue Server braucht einen Namen.</translation>
    </message>
    <message>
        <source>The chosen flavor does not exist in the target.</source>
        <translation>Der gewählte Flavor existiert im Ziel nicht.</translation>
    </message>
    <message>
        <source>The flavor&apos;s disk (%1 GB) is smaller than the image needs (%2 GB).</source>
        <translation>Die Festplatte des Flavors (%1 GB) ist kleiner, als das Abbild benötigt (%2 GB).</translation>
    </message>
    <message>
        <source>The key pair “%1” does not exist in the target.</source>
        <translation>Das Schlüsselpaar „%1“ existiert im Ziel nicht.</translation>
    </message>
    <message>
        <source>As saved with the backup</source>
        <translation>Wie mit der Sicherung gespeichert</translation>
    </message>
    <message>
        <source>Saved with the backup but not found in the target, so not chosen: %1.</source>
        <translation>Mit der Sicherung gespeichert, aber im Ziel nicht vorhanden und daher nicht gewählt: %1.</translation>
    </message>
    <message>
        <source>The chosen network does not exist in the target.</source>
        <translation>Das gewählte Netzwerk existiert im Ziel nicht.</translation>
    </message>
    <message>
        <source>The security group “%1” does not exist in the target.</source>
        <translation>Die Sicherheitsgruppe „%1“ existiert im Ziel nicht.</translation>
    </message>
    <message>
        <source>Check every network the server should have a port on (in this order). None checked: no network.</source>
        <translation>Haken Sie jedes Netzwerk an, in dem der Server einen Port haben soll (in dieser Reihenfolge). Keines angehakt: kein Netzwerk.</translation>
    </message>
    <message>
        <source>Let the cloud choose</source>
        <translation>Die Cloud wählen lassen</translation>
    </message>
    <message>
        <source>Net&amp;works:</source>
        <translation>Netz&amp;werke:</translation>
    </message>
    <message>
        <source>&amp;Availability zone:</source>
        <translation>&amp;Verfügbarkeitszone:</translation>
    </message>
    <message>
        <source>The backed-up server ran in zone %1.</source>
        <translation>Der gesicherte Server lief in Zone %1.</translation>
    </message>
    <message>
        <source>As saved with the backup: %1</source>
        <translation>Wie mit der Sicherung gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the choices, then click Restore.</source>
        <translation>Prüfen Sie die Auswahl und klicken Sie dann auf „Wiederherstellen“.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Backup: %1 from %2 (%3)</source>
        <translation>Sicherung: %1 vom %2 (%3)</translation>
    </message>
    <message>
        <source>with data</source>
        <translation>mit Daten</translation>
    </message>
    <message>
        <source>original image only</source>
        <translation>nur Originalabbild</translation>
    </message>
    <message>
        <source>Target: cloud %1, project %2, region %3</source>
        <translation>Ziel: Cloud %1, Projekt %2, Region %3</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>New server: %1</source>
        <translation>Neuer Server: %1</translation>
    </message>
    <message>
        <source>Flavor: %1</source>
        <translation>Flavor: %1</translation>
    </message>
    <message>
        <source>Key pair: %1</source>
        <translation>Schlüsselpaar: %1</translation>
    </message>
    <message>
        <source>Security groups: %1</source>
        <translation>Sicherheitsgruppen: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>StackVault creates a new image from the backup, checks every byte against the saved checksums, and starts the new server from it. The backed-up server is not changed.</source>
        <translation>StackVault erstellt aus der Sicherung ein neues Abbild, prüft jedes Byte gegen die gespeicherten Prüfsummen und startet daraus den neuen Server. Der gesicherte Server wird nicht verändert.</translation>
    </message>
    <message>
        <source>Networks: %1</source>
        <translation>Netzwerke: %1</translation>
    </message>
    <message>
        <source>as saved with the backup</source>
        <translation>wie mit der Sicherung gespeichert</translation>
    </message>
    <message>
        <source>(no network)</source>
        <translation>(kein Netzwerk)</translation>
    </message>
    <message>
        <source>Availability zone: %1</source>
        <translation>Verfügbarkeitszone: %1</translation>
    </message>
    <message>
        <source>(the cloud chooses)</source>
        <translation>(die Cloud wählt)</translation>
    </message>
    <message>
        <source>Only the volumes are restored; no server is started.</source>
        <translation>Nur die Volumes werden wiederhergestellt; kein Server wird gestartet.</translation>
    </message>
    <message>
        <source>Volumes:</source>
        <translation>Volumes:</translation>
    </message>
    <message>
        <source>%1, type %2 → %3</source>
        <translation>%1, Typ %2 → %3</translation>
    </message>
    <message>
        <source>%1, type %2</source>
        <translation>%1, Typ %2</translation>
    </message>
    <message>
        <source>StackVault creates a new volume from each saved one and checks every byte against the saved checksums. The backed-up server and its volumes are not changed.</source>
        <translation>StackVault erstellt aus jedem gesicherten Volume ein neues und prüft jedes Byte gegen die gespeicherten Prüfsummen. Der gesicherte Server und seine Volumes werden nicht verändert.</translation>
    </message>
    <message>
        <source>StackVault restores the server&apos;s disk and a new volume from each saved one, checks every byte against the saved checksums, and starts the new server with the volumes in their saved order. The backed-up server and its volumes are not changed.</source>
        <translation>StackVault stellt die Disk des Servers und aus jedem gesicherten Volume ein neues wieder her, prüft jedes Byte gegen die gespeicherten Prüfsummen und startet den neuen Server mit den Volumes in ihrer gesicherten Reihenfolge. Der gesicherte Server und seine Volumes werden nicht verändert.</translation>
    </message>
    <message>
        <source>New image: %1</source>
        <translation>Neues Image: %1</translation>
    </message>
    <message>
        <source>Only the image is restored, into the cloud&apos;s image service, with the disk format and properties saved in the backup. No server is started and no volume is made.</source>
        <translation>Nur das Image wird wiederhergestellt, in den Image-Dienst der Cloud, mit dem Datenträgerformat und den Eigenschaften aus der Sicherung. Es wird kein Server gestartet und kein Volume angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>The %n volume(s) saved in the backup are not restored.</source>
        <translation>
            <numerusform>Das in der Sicherung gespeicherte Volume wird nicht wiederhergestellt.</numerusform>
            <numerusform>Die %n in der Sicherung gespeicherten Volumes werden nicht wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>StackVault uploads the image from the backup, checks every byte against the saved checksums and compares the image service&apos;s checksum with the saved one. The backed-up server is not changed.</source>
        <translation>StackVault lädt das Image aus der Sicherung hoch, prüft jedes Byte gegen die gespeicherten Prüfsummen und vergleicht die Prüfsumme des Image-Dienstes mit der gespeicherten. Der gesicherte Server wird nicht verändert.</translation>
    </message>
    <message>
        <source>NICs: (no network)</source>
        <translation>Netzwerkkarten: (kein Netzwerk)</translation>
    </message>
    <message>
        <source>NICs:</source>
        <translation>Netzwerkkarten:</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Metadaten: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Server group: %1</source>
        <translation>Servergruppe: %1</translation>
    </message>
    <message>
        <source>Config drive: %1</source>
        <translation>Config-Drive: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>User data: %1</source>
        <translation>Benutzerdaten: %1</translation>
    </message>
    <message>
        <source>passed as saved</source>
        <translation>wie gesichert übergeben</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>nicht übergeben</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreTargetPage</name>
    <message>
        <source>Choose the Target</source>
        <translation>Ziel auswählen</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>The project and region are those of the saved cloud. To restore into another project or region, save a cloud for it under Manage Clouds and choose it here.</source>
        <translation>Projekt und Region sind die der gespeicherten Cloud. Um in ein anderes Projekt oder eine andere Region wiederherzustellen, speichern Sie unter „Clouds verwalten“ eine Cloud dafür und wählen Sie sie hier.</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>(the cloud&apos;s default)</source>
        <translation>(Voreinstellung der Cloud)</translation>
    </message>
    <message>
        <source>Where should the backup be restored, and what should be made there? Any saved cloud can be the target.</source>
        <translation>Wohin soll die Sicherung wiederhergestellt werden, und was soll dort entstehen? Jede gespeicherte Cloud kann das Ziel sein.</translation>
    </message>
    <message>
        <source>Restore a &amp;server (with the volumes saved in the backup)</source>
        <translation>Einen &amp;Server wiederherstellen (mit den in der Sicherung gespeicherten Volumes)</translation>
    </message>
    <message>
        <source>Restore &amp;only the image, into the cloud&apos;s image service</source>
        <translation>&amp;Nur das Image wiederherstellen, in den Image-Dienst der Cloud</translation>
    </message>
    <message>
        <source>Creates one image with the backup&apos;s disk and its saved properties (disk format, firmware, disk bus, …). No server is started and no volume is made.</source>
        <translation>Legt ein Image mit dem Datenträger der Sicherung und seinen gespeicherten Eigenschaften an (Datenträgerformat, Firmware, Datenträgerbus, …). Es wird kein Server gestartet und kein Volume angelegt.</translation>
    </message>
    <message>
        <source>Image &amp;name:</source>
        <translation>Image-&amp;Name:</translation>
    </message>
    <message>
        <source>What to restore:</source>
        <translation>Was wiederhergestellt wird:</translation>
    </message>
    <message>
        <source>This backup&apos;s server booted from a volume, so the backup holds no image of its own: restore the server, or only its volumes.</source>
        <translation>Der Server dieser Sicherung startete von einem Volume, daher enthält die Sicherung kein eigenes Image: Stellen Sie den Server oder nur seine Volumes wieder her.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>StackVault cannot sign in to %1: %2</source>
        <translation>StackVault kann sich nicht bei %1 anmelden: %2</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreVolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>The backup holds these volumes. Restore them with the server, or only the volumes.</source>
        <translation>Die Sicherung enthält diese Volumes. Stellen Sie sie mit dem Server wieder her oder nur die Volumes.</translation>
    </message>
    <message>
        <source>Restore the server and its &amp;volumes</source>
        <translation>Server und seine &amp;Volumes wiederherstellen</translation>
    </message>
    <message>
        <source>Restore &amp;only the volumes</source>
        <translation>Nur die Volumes &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Creates the volumes in the target, not attached to any server; no server is started.</source>
        <translation>Erstellt die Volumes im Ziel, an keinen Server angehängt; kein Server wird gestartet.</translation>
    </message>
    <message>
        <source>Volume types</source>
        <translation>Volume-Typen</translation>
    </message>
    <message>
        <source>%1, type %2</source>
        <translation>%1, Typ %2</translation>
    </message>
    <message>
        <source>Asking the target cloud for its volume types…</source>
        <translation>Die Ziel-Cloud wird nach ihren Volume-Typen gefragt…</translation>
    </message>
    <message>
        <source>The target&apos;s volume types could not be listed: %1
Each volume gets its saved type where the target has it, otherwise the target&apos;s default type.</source>
        <translation>Die Volume-Typen des Ziels konnten nicht abgefragt werden: %1
Jedes Volume erhält seinen gesicherten Typ, wenn das Ziel ihn hat, sonst den Standardtyp des Ziels.</translation>
    </message>
    <message>
        <source>The target has every saved volume type; each volume keeps its type.</source>
        <translation>Das Ziel hat jeden gesicherten Volume-Typ; jedes Volume behält seinen Typ.</translation>
    </message>
    <message>
        <source>The target has no volume type %1. Volumes of a missing type get the target&apos;s default type unless you choose another one here.</source>
        <translation>Das Ziel hat keinen Volume-Typ %1. Volumes eines fehlenden Typs erhalten den Standardtyp des Ziels, sofern Sie hier keinen anderen wählen.</translation>
    </message>
    <message>
        <source>The target&apos;s default type</source>
        <translation>Standardtyp des Ziels</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreWizard</name>
    <message>
        <source>Restore a Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
</context>
<context>
    <name>sv::ui::RetentionPreviewDialog</name>
    <message>
        <source>Retention of Plan “%1”</source>
        <translation>Aufbewahrung von Plan „%1“</translation>
    </message>
    <message>
        <source>Reading the backups of plan %1…</source>
        <translation>Die Sicherungen von Plan %1 werden gelesen …</translation>
    </message>
    <message>
        <source>Plan %1 has no backups in its backup storage yet: nothing to keep or remove.</source>
        <translation>Plan %1 hat noch keine Sicherungen im Sicherungsspeicher: nichts zu behalten oder zu entfernen.</translation>
    </message>
    <message>
        <source>Applied now, the policy (%1) would keep %2 of plan %3&apos;s backups and remove %4. This preview removes nothing; the policy is applied after each run.</source>
        <translation>Jetzt angewandt, würde die Regel (%1) %2 der Sicherungen von Plan %3 behalten und %4 entfernen. Diese Vorschau entfernt nichts; die Regel wird nach jedem Lauf angewandt.</translation>
    </message>
</context>
<context>
    <name>sv::ui::RetentionPreviewModel</name>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>not counted (status %1)</source>
        <translation>nicht gezählt (Status %1)</translation>
    </message>
    <message>
        <source>no rule keeps it</source>
        <translation>keine Regel behält sie</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Gesichert</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
</context>
<context>
    <name>sv::ui::ServerDetailsWidget</name>
    <message>
        <source>Select a server to see its details.</source>
        <translation>Wählen Sie einen Server, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>Cloud:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Flavor:</source>
        <translation>Flavor:</translation>
    </message>
    <message>
        <source>Boot image:</source>
        <translation>Startabbild:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>Adressen:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Letzte Sicherung:</translation>
    </message>
    <message>
        <source>Include server data</source>
        <translation>Serverdaten einschließen</translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Not loaded yet</source>
        <translation>Noch nicht geladen</translation>
    </message>
    <message>
        <source>None (boots from a volume)</source>
        <translation>Keines (startet von einem Datenträger)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>StackVault could not load the servers of the cloud “%1”:
%2</source>
        <translation>StackVault konnte die Server der Cloud „%1“ nicht laden:
%2</translation>
    </message>
    <message>
        <source>The server is busy (%1). Wait until it has finished, then try again.</source>
        <translation>Der Server ist beschäftigt (%1). Warten Sie, bis er fertig ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>A server can be backed up when it is active, shut off, paused or suspended; this one is “%1”.</source>
        <translation>Ein Server kann gesichert werden, wenn er aktiv, ausgeschaltet, pausiert oder in den Ruhezustand versetzt ist; dieser ist „%1“.</translation>
    </message>
    <message>
        <source>Takes snapshots first so that data written since boot is backed up, on the root disk and on the chosen volumes; otherwise only the original image is saved.</source>
        <translation>Erstellt zuerst Snapshots, damit seit dem Start geschriebene Daten gesichert werden, auf der Root-Disk und den gewählten Volumes; sonst wird nur das Originalabbild gesichert.</translation>
    </message>
    <message>
        <source>The backup contains</source>
        <translation>Die Sicherung enthält</translation>
    </message>
    <message>
        <source>Check the volumes to back up with the server.</source>
        <translation>Haken Sie die Volumes an, die mit dem Server gesichert werden sollen.</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>The server boots from a volume: its boot volume is saved with a snapshot, like the other volumes checked below.</source>
        <translation>Der Server startet von einem Volume: Sein Boot-Volume wird mit einem Snapshot gesichert, wie die anderen unten angehakten Volumes.</translation>
    </message>
    <message>
        <source>Root disk: a snapshot of the running server (data written since boot included).</source>
        <translation>Root-Disk: ein Snapshot des laufenden Servers (seit dem Start geschriebene Daten eingeschlossen).</translation>
    </message>
    <message>
        <source>Root disk: the original image %1 (data written since boot NOT included).</source>
        <translation>Root-Disk: das Originalabbild %1 (seit dem Start geschriebene Daten NICHT eingeschlossen).</translation>
    </message>
    <message>
        <source>Without server data nothing of this server can be saved: it boots from a volume, and a volume has no original image.</source>
        <translation>Ohne Serverdaten kann von diesem Server nichts gesichert werden: Er startet von einem Volume, und ein Volume hat kein Originalabbild.</translation>
    </message>
    <message>
        <source>With “Include server data” off, only the original image is saved; no volume is backed up.</source>
        <translation>Mit ausgeschaltetem „Serverdaten einschließen“ wird nur das Originalabbild gesichert; kein Volume wird gesichert.</translation>
    </message>
    <message>
        <source>No volume is attached.</source>
        <translation>Kein Volume ist angehängt.</translation>
    </message>
    <message>
        <source>“%1” boots from a volume and cannot be backed up without its data: there is no original image to save. Turn on “Include server data” to back it up from snapshots of its volumes.</source>
        <translation>„%1“ startet von einem Volume und kann ohne seine Daten nicht gesichert werden: Es gibt kein Originalabbild zu sichern. Schalten Sie „Serverdaten einschließen“ ein, um ihn aus Snapshots seiner Volumes zu sichern.</translation>
    </message>
</context>
<context>
    <name>sv::ui::ServerStatus</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Ruhezustand</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Rebooting</source>
        <translation>Startet neu</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Rescue mode</source>
        <translation>Rettungsmodus</translation>
    </message>
    <message>
        <source>Resizing</source>
        <translation>Größe wird geändert</translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation>Wird migriert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sv::ui::TestRestoreDialog</name>
    <message>
        <source>Test Restore of “%1”</source>
        <translation>Wiederherstellung von „%1“ testen</translation>
    </message>
    <message>
        <source>Proves that the backup of %1 from %2 boots: StackVault restores it under a scratch name (stackvault-restore-test-…) in the chosen cloud, with the flavor, networks and key pair saved in the backup, waits until the server is ACTIVE and, with a marker, until its console log shows the marker. Then it deletes everything the test made, whatever the outcome, and records the result in the backup.</source>
        <translation>Beweist, dass die Sicherung von %1 vom %2 startet: StackVault stellt sie unter einem Wegwerfnamen (stackvault-restore-test-…) in der gewählten Cloud wieder her, mit dem Flavor, den Netzen und dem Schlüsselpaar aus der Sicherung, wartet, bis der Server ACTIVE ist, und mit einer Markierung, bis sein Konsolenprotokoll sie zeigt. Danach löscht es alles, was der Test angelegt hat, wie auch immer er ausgeht, und vermerkt das Ergebnis in der Sicherung.</translation>
    </message>
    <message>
        <source>optional, e.g. login:</source>
        <translation>optional, z. B. login:</translation>
    </message>
    <message>
        <source>Text the server&apos;s console log must show (read with the compute API&apos;s console output). Empty: the server becoming ACTIVE is enough.</source>
        <translation>Text, den das Konsolenprotokoll des Servers zeigen muss (gelesen über die Konsolenausgabe der Compute-API). Leer: Es genügt, dass der Server ACTIVE wird.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for the marker once the server is ACTIVE.</source>
        <translation>Wie lange auf die Markierung gewartet wird, sobald der Server ACTIVE ist.</translation>
    </message>
    <message>
        <source>&amp;Start Test</source>
        <translation>Test &amp;starten</translation>
    </message>
    <message>
        <source>No cloud is saved: add one under Manage Clouds first.</source>
        <translation>Es ist keine Cloud gespeichert: Fügen Sie zuerst unter Clouds verwalten eine hinzu.</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>Console &amp;marker:</source>
        <translation>Konsolen-&amp;Markierung:</translation>
    </message>
    <message>
        <source>&amp;Wait for the marker:</source>
        <translation>Auf die Markierung &amp;warten:</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>StackVault cannot sign in to %1: %2</source>
        <translation>StackVault kann sich nicht bei %1 anmelden: %2</translation>
    </message>
</context>
</TS>
