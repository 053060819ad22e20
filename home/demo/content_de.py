"""German demo content of the home app (the source language): the home page, the site's own pages
(contact, imprint, privacy, accessibility, Leichte Sprache) and the site settings that link them.

The texts about the programme are shared with the programmes app's demo content; pages of that app
are referred to by key (``PageRef("programme")``, ``[[page:topic-waste]]``).
"""

from cms.demo import PageRef
from programmes.demo.content_de import (
    CONTACT_EMAIL,
    CONTACT_LINE,
    CONTACT_PHONE,
    FILL,
    SEED_ALGERIA,
    SEED_INTRO,
    SEED_ORGANISATIONS,
    SKEW_CONTACT,
    contact_block,
)

SITE_NAME = "Kommunale Zusammenarbeit"

# The site's root page: first, so that every section hangs below it.
HOME_PAGES = [
    {
        "key": "home",
        "type": "home.HomePage",
        "parent": None,
        "slug": "home",
        "title": "Kommunale Zusammenarbeit",
        "fields": {
            "seo_title": "Kommunale Zusammenarbeit Maghreb-Deutschland",
            "search_description": "Projektpartnerschaften deutscher Kommunen mit Städten in Algerien, Marokko "
            "und Tunesien.",
            "intro": SEED_INTRO,
            # The seed's own sentence on who commissions and carries out the programme.
            "footer_note": "Das Vorhaben wird im Auftrag des Bundesministeriums für Wirtschaftliche Zusammenarbeit "
            "und Entwicklung (BMZ) von der Deutschen Gesellschaft für Internationale Zusammenarbeit (GIZ) in "
            "Kooperation mit Engagement Global und ihrer Servicestelle Kommunen in der Einen Welt (SKEW) durchgeführt.",
            "featured_programme": PageRef("programme"),
            "body": [
                ("heading", {"text": "Schwerpunkt Algerien", "level": "h2"}),
                ("rich_text", SEED_ALGERIA),
                (
                    "call_to_action",
                    {
                        "title": "Interessierte für kommunale Projektpartnerschaften in Algerien gesucht",
                        "text": "Städte, Landkreise, Gemeinden und kommunale Unternehmen können sich beteiligen – "
                        "auch ohne bisherige Kontakte nach Algerien.",
                        "link_label": "Zum Aufruf",
                        "link": {"page": PageRef("call"), "url": ""},
                    },
                ),
            ],
        },
    },
]

# The site's own pages: loaded after every app's sections, so they come last among the home page's children.
SERVICE_PAGES = [
    {
        "key": "contact",
        "type": "home.StandardPage",
        "parent": "home",
        "slug": "kontakt",
        "title": "Kontakt",
        "fields": {
            "summary": "Fragen zum Vorhaben Kommunale Zusammenarbeit Maghreb-Deutschland beantwortet Kontakt SKEW.",
            "body": [
                (
                    "rich_text",
                    "<p>Wir beraten Sie gerne – zu Projektpartnerschaften, zur Wahl eines Themas und zum Kontakt zu "
                    "einer Partnerkommune.</p>" + CONTACT_LINE,
                ),
                contact_block(),
            ],
        },
    },
    {
        "key": "imprint",
        "type": "home.StandardPage",
        "parent": "home",
        "slug": "impressum",
        "title": "Impressum",
        "fields": {
            "summary": "Angaben zum Anbieter dieser Website.",
            "body": [
                ("heading", {"text": "Angaben nach § 5 DDG", "level": "h2"}),
                (
                    "rich_text",
                    f"<p><b>{FILL}</b> Angaben des Betreibers nach § 5 DDG: Name und Rechtsform, Anschrift, "
                    "Vertretungsberechtigte, Kontakt, Registereintrag und Umsatzsteuer-Identifikationsnummer.</p>",
                ),
                ("heading", {"text": "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV", "level": "h2"}),
                ("rich_text", f"<p><b>{FILL}</b> Name und Anschrift der verantwortlichen Person.</p>"),
                ("heading", {"text": "Über das Vorhaben", "level": "h2"}),
                ("rich_text", SEED_ORGANISATIONS + CONTACT_LINE),
            ],
        },
    },
    {
        # What the platform really stores and for how long. The numbers mirror settings
        # (PARTICIPATION_RETENTION_DAYS, PARTICIPATION_RATE_LIMIT, PARTICIPATION_RATE_LIMIT_WINDOW) and the
        # field lists mirror participation/forms.py: cms/tests/test_demo_privacy.py checks both.
        "key": "privacy",
        "type": "home.StandardPage",
        "parent": "home",
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "fields": {
            "summary": "Welche Daten diese Website speichert und wie lange: Anmeldungen zu Veranstaltungen und "
            "Interessensbekundungen, technisch notwendige Cookies, Suchbegriffe und Protokolle. Kein Tracking, keine "
            "Anfragen an Dritte.",
            "body": [
                (
                    "rich_text",
                    "<p>Diese Erklärung sagt Ihnen, welche personenbezogenen Daten diese Website verarbeitet, wozu, "
                    "auf welcher Rechtsgrundlage und wie lange. Kurz gesagt: Die Website speichert personenbezogene "
                    "Daten nur, wenn Sie sich zu einer Veranstaltung anmelden oder Interesse an einer "
                    "Projektpartnerschaft bekunden, und löscht sie nach einer festen Frist. Es gibt kein Tracking, "
                    "keine Werbung und keine Inhalte von Dritten.</p>",
                ),
                ("heading", {"text": "Verantwortliche Stelle", "level": "h2"}),
                (
                    "rich_text",
                    f"<p><b>{FILL}</b> Name und Anschrift der verantwortlichen Stelle nach Art. 4 Nr. 7 DSGVO und "
                    "die Kontaktdaten der oder des Datenschutzbeauftragten.</p>",
                ),
                ("heading", {"text": "Anmeldung zu Veranstaltungen und Interessensbekundungen", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Solange die Anmeldung zu einer Veranstaltung oder ein Aufruf offen ist, können Sie sich auf "
                    "der Seite der Veranstaltung anmelden oder auf der Seite des Aufrufs Interesse an einer "
                    "Projektpartnerschaft bekunden. Wir speichern nur, was Sie im Formular angeben, und die Angaben, "
                    "die wir für die Bearbeitung brauchen.</p>",
                ),
                ("heading", {"text": "Anmeldung zu einer Veranstaltung", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Wir speichern:</p>"
                    "<ul><li>Name</li><li>Organisation oder Kommune</li><li>Funktion (freiwillig)</li>"
                    "<li>E-Mail-Adresse</li><li>Bevorzugte Sprache</li>"
                    "<li>Bedarf an Barrierefreiheit oder Dolmetschung (freiwillig)</li>"
                    "<li>den Zeitpunkt Ihrer Anmeldung und Ihrer Einwilligung</li>"
                    "<li>den Stand der Anmeldung (bestätigt, Warteliste oder storniert) und gegebenenfalls eine "
                    "interne Notiz des Programmteams</li></ul>"
                    "<p>Wir verwenden diese Angaben, um die Veranstaltung zu organisieren: um die Plätze und die "
                    "Warteliste zu verwalten, Ihnen die Bestätigung mit einer Kalenderdatei und bei "
                    "Online-Veranstaltungen den Zugangslink zu schicken, Sie über Änderungen zu informieren und Ihren "
                    "Bedarf an Barrierefreiheit oder Dolmetschung zu berücksichtigen.</p>",
                ),
                ("heading", {"text": "Interessensbekundung für einen Aufruf", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Wir speichern:</p>"
                    "<ul><li>Kommune oder Unternehmen und deren Typ</li><li>Bundesland</li><li>Ansprechperson</li>"
                    "<li>E-Mail-Adresse</li><li>Interessierende Themen (freiwillig)</li>"
                    "<li>Bevorzugtes Partnerland (freiwillig)</li><li>Nachricht (freiwillig)</li>"
                    "<li>die Sprache, in der Sie das Formular ausgefüllt haben</li>"
                    "<li>den Zeitpunkt des Eingangs und Ihrer Einwilligung</li>"
                    "<li>den Bearbeitungsstand (neu, in Prüfung, kontaktiert, abgeschlossen) und gegebenenfalls eine "
                    "interne Notiz des Programmteams</li></ul>"
                    "<p>Wir verwenden diese Angaben, um Ihre Interessensbekundung zu prüfen, mit Ihnen Kontakt "
                    "aufzunehmen und Sie auf dem Weg zu einer Projektpartnerschaft zu beraten.</p>",
                ),
                ("heading", {"text": "Rechtsgrundlage und Widerruf", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Rechtsgrundlage ist Ihre Einwilligung, die Sie im Formular mit dem Häkchen erteilen (Art. 6 "
                    "Abs. 1 lit. a DSGVO). Soweit wir die Angaben brauchen, um die Veranstaltung, zu der Sie sich "
                    "angemeldet haben, mit Ihnen durchzuführen, ist Rechtsgrundlage außerdem Art. 6 Abs. 1 lit. b "
                    "DSGVO.</p>"
                    "<p>Angaben zu Barrierefreiheit oder Dolmetschung sind freiwillig. Lassen sie Rückschlüsse auf "
                    "Ihre Gesundheit zu, verarbeiten wir sie nur aufgrund Ihrer ausdrücklichen Einwilligung (Art. 9 "
                    "Abs. 2 lit. a DSGVO) und nur, um Ihnen die Teilnahme zu ermöglichen.</p>"
                    "<p>Sie können Ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 "
                    "DSGVO); die Rechtmäßigkeit der Verarbeitung bis zum Widerruf bleibt unberührt. Schreiben Sie "
                    "dazu an die unten genannte Adresse. Wir löschen dann Ihre Angaben; eine Anmeldung ist damit "
                    "storniert. Eine Anmeldung können Sie außerdem jederzeit selbst über den Link in der "
                    "Bestätigungs-E-Mail stornieren; Ihr Platz geht dann an die nächste Person auf der Warteliste.</p>",
                ),
                ("heading", {"text": "Wer Ihre Angaben sieht", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Ihre Angaben sehen nur die Mitglieder des Programmteams, die im Verwaltungsbereich der Website "
                    "dafür freigeschaltet sind, und die Administratorinnen und Administratoren der Website. Das "
                    "Programmteam kann die Angaben für die Organisation als Tabelle exportieren, etwa als "
                    "Teilnehmendenliste. Öffentlich erscheinen sie nirgends: nicht auf der Website, nicht in der "
                    "Suche, nicht in Feeds oder Kalenderdateien und nicht in der Programmierschnittstelle (API). Ihre "
                    "IP-Adresse wird nicht mit Ihren Angaben gespeichert.</p>",
                ),
                ("heading", {"text": "E-Mails", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Nach dem Absenden erhalten Sie eine Bestätigung per E-Mail in Ihrer Sprache, bei einer "
                    "Anmeldung mit einer Kalenderdatei (.ics). Weitere E-Mails erhalten Sie, wenn Sie von der "
                    "Warteliste nachrücken, wenn Ihre Anmeldung storniert wird oder wenn Ihre E-Mail-Adresse ein "
                    "zweites Mal für dieselbe Veranstaltung angemeldet wird (dann höchstens einmal am Tag). Wir "
                    "speichern jede E-Mail mit Empfängeradresse, Betreff, Text und Anhang, damit sie bei einer "
                    "Störung erneut versandt werden kann.</p>"
                    "<p>Die Bestätigung einer Anmeldung enthält einen persönlichen Link, mit dem Sie Ihre Anmeldung "
                    "ansehen und stornieren können. Bitte geben Sie diesen Link nicht weiter: Wer ihn kennt, sieht "
                    "Ihren Namen und Ihre E-Mail-Adresse.</p>",
                ),
                ("heading", {"text": "Speicherdauer", "level": "h3"}),
                (
                    "rich_text",
                    "<p>Wir löschen automatisch:</p>"
                    "<ul><li>Anmeldungen zu Veranstaltungen, auch stornierte und solche auf der Warteliste: 180 Tage "
                    "nach dem Ende der Veranstaltung</li>"
                    "<li>Interessensbekundungen: 180 Tage nach dem Ende der Frist des Aufrufs oder nach der letzten "
                    "Bearbeitung durch das Programmteam, je nachdem, was später ist, also nie, solange der Aufruf "
                    "offen ist</li>"
                    "<li>gespeicherte E-Mails: 180 Tage, nachdem sie erstellt wurden</li></ul>"
                    "<p>Der Löschlauf findet täglich statt. Auf Ihren Wunsch löschen wir Ihre Angaben früher (siehe "
                    "„Ihre Rechte“).</p>",
                ),
                ("heading", {"text": "Schutz der Formulare vor Missbrauch", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Damit die Formulare nicht massenhaft automatisch abgeschickt werden, zählt die Website, wie "
                    "oft von einer IP-Adresse aus eine Anmeldung oder Interessensbekundung abgeschickt wird. Mehr als "
                    "10 innerhalb von 10 Minuten nimmt sie nicht an. Dafür hält sie die IP-Adresse mit dem Zähler nur "
                    "im Zwischenspeicher (Cache) des Servers und löscht beide nach spätestens 10 Minuten automatisch. "
                    "Die IP-Adresse wird nicht in der Datenbank gespeichert und nicht mit Ihren Angaben "
                    "verknüpft.</p>"
                    "<p>Außerdem enthält jedes Formular ein Feld, das Menschen nicht sehen. Ist es ausgefüllt, hat "
                    "sehr wahrscheinlich ein Programm das Formular abgeschickt, und nichts wird gespeichert.</p>"
                    "<p>Rechtsgrundlage ist unser berechtigtes Interesse an einem sicheren Betrieb der Formulare "
                    "(Art. 6 Abs. 1 lit. f DSGVO).</p>",
                ),
                ("heading", {"text": "Cookies", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Diese Website setzt nur technisch notwendige Cookies, keine Cookies für Analyse oder "
                    "Werbung. Dafür ist keine Einwilligung erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG).</p>"
                    "<ul><li><b>csrftoken</b>: wird gesetzt, wenn eine Seite ein Formular zeigt, also das "
                    "Anmeldeformular einer Veranstaltung, das Formular für Interessensbekundungen, die Seite zu Ihrer "
                    "Anmeldung oder die Passwortabfrage einer geschützten Seite. Es enthält eine zufällige "
                    "Zeichenfolge, die gefälschte Formularanfragen (Cross-Site Request Forgery) verhindert, und läuft "
                    "nach einem Jahr ab.</li>"
                    "<li><b>sessionid</b>: wird nur gesetzt, wenn sich Redakteurinnen und Redakteure im "
                    "Verwaltungsbereich anmelden oder wenn jemand das Passwort einer geschützten Seite eingibt. Es "
                    "hält die Anmeldung aufrecht und läuft beim Abmelden, spätestens nach zwei Wochen ab.</li></ul>"
                    "<p>Im Verwaltungsbereich, den nur Redakteurinnen und Redakteure nutzen, setzt das "
                    "Redaktionssystem weitere technisch notwendige Cookies, etwa für Hinweismeldungen. Ihre Sprache "
                    "wählen Sie über die Adresse der Seite (/de/, /fr/, /ar-dz/, /en/); dafür wird kein Cookie "
                    "gesetzt.</p>",
                ),
                ("heading", {"text": "Suche", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Wenn Sie die Suche dieser Website benutzen, speichern wir den Suchbegriff und wie oft er an "
                    "einem Tag gesucht wurde, ohne IP-Adresse, ohne Cookie und ohne Bezug zu Ihrer Person. Daraus "
                    "sieht die Redaktion die häufigsten Suchbegriffe und kann passende Seiten hervorheben. Bitte geben "
                    "Sie keine personenbezogenen Daten wie Namen oder E-Mail-Adressen in das Suchfeld ein.</p>",
                ),
                ("heading", {"text": "Server-Protokolle", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Beim Aufruf einer Seite verarbeitet der Webserver technisch notwendige Daten: die "
                    "IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, den Statuscode und die Angaben des "
                    "Browsers. Sie dienen dem sicheren Betrieb der Website.</p>"
                    "<p>Die Anwendung selbst schreibt keine IP-Adressen in ihre Protokolle. Sie protokolliert Fehler "
                    "und Warnungen mit Uhrzeit, aufgerufener Adresse und Fehlermeldung, zum Beispiel wenn eine Seite "
                    "nicht gefunden wird oder der Versand einer E-Mail scheitert; die Fehlermeldung des Mailservers "
                    "kann dabei die Empfängeradresse enthalten. Rechtsgrundlage ist unser berechtigtes Interesse an "
                    "einem sicheren und stabilen Betrieb (Art. 6 Abs. 1 lit. f DSGVO).</p>"
                    f"<p><b>{FILL}</b> Ob der vorgeschaltete Webserver oder der Hosting-Dienstleister "
                    "Zugriffsprotokolle mit IP-Adressen speichert, und wie lange alle Protokolle aufbewahrt "
                    "werden.</p>",
                ),
                ("heading", {"text": "Keine Anfragen an Dritte, kein Tracking", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Schriften, Skripte und Bilder liegen auf dem Server dieser Website. Beim Besuch werden keine "
                    "Daten an Dritte übertragen. Es gibt keine Analyse- oder Tracking-Werkzeuge und keine "
                    "eingebetteten Inhalte anderer Anbieter.</p>"
                    f"<p><b>{FILL}</b> Hosting-Dienstleister, Mailserver für den Versand der E-Mails und "
                    "gegebenenfalls Speicherdienst für Bilder und Dokumente, die als Auftragsverarbeiter (Art. 28 "
                    "DSGVO) tätig sind.</p>",
                ),
                ("heading", {"text": "Kontaktaufnahme", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Wenn Sie Kontakt SKEW per E-Mail oder Telefon erreichen, werden Ihre Angaben zur "
                    "Bearbeitung Ihrer Anfrage verwendet.</p>" + CONTACT_LINE,
                ),
                ("heading", {"text": "Ihre Rechte", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung, "
                    "auf Datenübertragbarkeit und auf Widerspruch (Art. 15 bis 21 DSGVO). Sie können sich bei einer "
                    "Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).</p>"
                    "<p>Zu Anmeldungen und Interessensbekundungen stellen wir Ihnen auf Anfrage alle Angaben zusammen, "
                    "die zu Ihrer E-Mail-Adresse gespeichert sind, auch in einem maschinenlesbaren Format (JSON), oder "
                    "löschen sie vollständig, einschließlich der gespeicherten E-Mails. Schreiben Sie dazu bitte von "
                    "dieser E-Mail-Adresse aus an die verantwortliche Stelle oder an Kontakt SKEW, damit wir Ihre "
                    "Angaben keiner anderen Person geben:</p>" + CONTACT_LINE,
                ),
            ],
        },
    },
    {
        "key": "accessibility",
        "type": "home.StandardPage",
        "parent": "home",
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "fields": {
            "summary": "Wie barrierefrei diese Website ist, welche Barrieren bekannt sind und wie Sie uns Barrieren "
            "melden können.",
            "body": [
                (
                    "rich_text",
                    "<p>Diese Website soll barrierefrei sein. Maßstab sind die Barrierefreie-Informationstechnik-"
                    "Verordnung (BITV 2.0) und die Norm EN 301 549, die auf den Web Content Accessibility "
                    "Guidelines (WCAG) 2.1, Stufe AA, beruht.</p>",
                ),
                ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Die Website wurde noch nicht vollständig nach BITV 2.0 geprüft.</p>"
                    f"<p><b>{FILL}</b> Ergebnis der Prüfung (vollständig, teilweise oder nicht vereinbar) und "
                    "Methode der Prüfung.</p>",
                ),
                ("heading", {"text": "Bekannte Barrieren", "level": "h2"}),
                (
                    "rich_text",
                    "<ul><li>Videos in Deutscher Gebärdensprache (DGS) gibt es noch nicht.</li>"
                    "<li>In Leichter Sprache gibt es bisher nur eine Einstiegsseite.</li>"
                    "<li>Noch nicht alle Inhalte liegen auf Französisch, Arabisch und Englisch vor.</li></ul>",
                ),
                ("heading", {"text": "Erstellung dieser Erklärung", "level": "h2"}),
                ("rich_text", "<p>Diese Erklärung wurde am 25. November 2026 erstellt.</p>"),
                ("heading", {"text": "Barrieren melden", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Sind Ihnen Barrieren aufgefallen? Brauchen Sie Inhalte in einer anderen Form? Schreiben Sie "
                    "uns oder rufen Sie an:</p>" + CONTACT_LINE,
                ),
                ("heading", {"text": "Schlichtungsverfahren", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie einen "
                    "Antrag bei der Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes (BGG) "
                    "stellen. Sie ist bei der oder dem Beauftragten der Bundesregierung für die Belange von Menschen "
                    "mit Behinderungen angesiedelt. Das Verfahren ist kostenfrei: "
                    '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>.</p>',
                ),
            ],
        },
    },
    {
        "key": "easy-language",
        "type": "home.StandardPage",
        "parent": "home",
        "slug": "leichte-sprache",
        "title": "Leichte Sprache",
        "fields": {
            "summary": "Informationen über das Projekt Kommunale Zusammenarbeit Maghreb-Deutschland in Leichter "
            "Sprache.",
            "easy_language": True,
            "body": [
                ("heading", {"text": "Worum geht es?", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Das Projekt heißt: Kommunale Zusammenarbeit Maghreb-Deutschland.</p>"
                    "<p>Im Projekt arbeiten Kommunen zusammen.<br/>Kommunen sind zum Beispiel Städte und "
                    "Gemeinden.</p>"
                    "<p>Die Kommunen sind aus Deutschland.<br/>Und aus 3 Ländern in Nord-Afrika.<br/>Die Länder "
                    "heißen: Algerien, Marokko und Tunesien.<br/>Diese 3 Länder nennt man auch: Maghreb.</p>",
                ),
                ("heading", {"text": "Warum gibt es das Projekt?", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Im Maghreb wachsen die Städte sehr schnell.<br/>Die Städte wollen ihre Arbeit für die "
                    "Menschen besser machen.</p>"
                    "<p>Deutsche Kommunen wissen viel über diese Arbeit.<br/>Sie teilen ihr Wissen mit den Städten "
                    "im Maghreb.<br/>Und sie lernen selbst Neues dazu.</p>",
                ),
                ("heading", {"text": "Woran arbeiten die Kommunen?", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Zum Beispiel an diesen Themen:</p>"
                    "<ul><li>Müll</li><li>Grün-Flächen in der Stadt</li><li>Energie sparen</li>"
                    "<li>Die Verwaltung mit dem Computer</li></ul>",
                ),
                ("heading", {"text": "Wer macht das Projekt?", "level": "h2"}),
                (
                    "rich_text",
                    "<p>Das Projekt ist ein Auftrag vom BMZ.<br/>BMZ ist die Abkürzung für: Bundes-Ministerium für "
                    "wirtschaftliche Zusammenarbeit und Entwicklung.</p>"
                    "<p>Die GIZ und Engagement Global machen das Projekt.</p>",
                ),
                ("heading", {"text": "Sie haben Fragen?", "level": "h2"}),
                (
                    "rich_text",
                    f'<p>Schreiben Sie eine E-Mail an:<br/><a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'
                    f"</p><p>Oder rufen Sie an:<br/>{CONTACT_PHONE}</p>",
                ),
            ],
        },
    },
]

SITE_SETTINGS = {
    "contact_point": SKEW_CONTACT,
    "contact_page": PageRef("contact"),
    "imprint_page": PageRef("imprint"),
    "privacy_page": PageRef("privacy"),
    "accessibility_page": PageRef("accessibility"),
    "easy_language_page": PageRef("easy-language"),
}
