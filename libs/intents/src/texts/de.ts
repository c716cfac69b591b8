import type { TextKey } from './en.js';

/** German, with "Sie" as a shop addresses its customers. */
export const DE: Readonly<Record<TextKey, string>> = {
  greeting: 'Hallo! Ich bin für Sie da. Wobei kann ich Ihnen heute helfen?',
  order_status: 'Ich helfe Ihnen gern, die Bestellung zu verfolgen. Wie lautet die Bestellnummer?',
  shipping: 'In unserem Hilfe-Center finden Sie unsere Versandoptionen und Lieferzeiten.',
  returns: 'In unserem Hilfe-Center finden Sie unsere Rückgaberegeln.',
  payment: 'In unserem Hilfe-Center finden Sie die Zahlungsarten, die wir akzeptieren.',
  recommendation:
    'Stöbern Sie in der Kategorie Belletristik – dort finden Sie die beliebtesten Titel!',
  fallback:
    'Da bin ich mir leider nicht sicher. Bitte wenden Sie sich an {support_email}, dort hilft man Ihnen weiter.',
  thanks: 'Gern geschehen! Kann ich sonst noch etwas für Sie tun?',
  goodbye: 'Danke für Ihren Besuch und viel Freude mit Ihren Büchern! Bis bald.',
  acknowledge: 'Prima! Kann ich sonst noch etwas für Sie tun?',
  frustrated:
    'Es tut mir leid, dass ich Ihnen nicht besser helfen konnte. Können Sie mir etwas genauer sagen, was Sie brauchen? ' +
    'Sie erreichen auch einen Menschen in unserem Support-Team unter {support_email}.',
  gibberish:
    'Entschuldigung, das habe ich nicht verstanden. Können Sie es anders formulieren? Ich helfe bei Bestellungen, Versand, ' +
    'Rücksendungen, Zahlung und Buchempfehlungen.',
  help: 'Da bin ich mir leider nicht sicher. Bitte wenden Sie sich an {support_email}, dort hilft man Ihnen weiter.',
  handoff:
    'Ich kann dieses Gespräch an unser Support-Team weitergeben. Es antwortet {support_hours} innerhalb {answer_within}.',
  llm_failure:
    'Ich kann Ihre Nachricht gerade nicht verarbeiten. Bitte wenden Sie sich an {support_email}.',
  'order.ask_number':
    'Wie lautet die sechsstellige Nummer Ihrer Bestellung? Sie steht in der Bestellbestätigung.',
  'order.status': 'Ihre Bestellung Nr. {orderId} ist {status}. {next}',
  'order.details': 'Die Bestellung Nr. {orderId} ist {status}.',
  'order.carrier': 'Sie wird mit {carrier} verschickt, die Sendungsnummer ist {tracking}.',
  'order.no_tracking': 'Eine Sendungsnummer gibt es dafür noch nicht.',
  'order.estimated': 'Voraussichtliche Zustellung: {date}.',
  'order.ask_email':
    'Bevor ich Ihnen die Sendungsverfolgung für Bestellung Nr. {orderId} gebe, muss ich prüfen, dass sie Ihnen gehört. Mit welcher E-Mail-Adresse haben Sie bestellt?',
  'order.email_no_match':
    'Diese E-Mail-Adresse passt nicht zu Bestellung Nr. {orderId}. Bitte prüfen Sie sie und versuchen Sie es erneut.',
  'order.too_many_attempts':
    'Ich kann vorerst keine weiteren E-Mail-Adressen prüfen: Nach zu vielen falschen Angaben sind Bestellabfragen gesperrt. Bitte versuchen Sie es später noch einmal oder schreiben Sie an {support_email} – das Team hilft Ihnen.',
  'order.nothing_to_track':
    'Bestellung Nr. {orderId} ist {status}, es gibt also nichts zu verfolgen.',
  'order.wrong_length':
    '{digits} sieht nicht wie eine unserer Bestellnummern aus: Sie sind sechsstellig und stehen in Ihrer Bestellbestätigung. Könnten Sie das prüfen?',
  'order.still_need_email':
    '(Für die Sendungsverfolgung von Bestellung Nr. {orderId} brauche ich noch die E-Mail-Adresse, mit der Sie bestellt haben.)',
  'order.cancel_ask_number':
    'Eine Bestellung lässt sich stornieren, solange sie in Bearbeitung ist; nach dem Versand senden Sie sie stattdessen zurück. Wie lautet Ihre sechsstellige Bestellnummer? Ich sehe nach, wo sie gerade ist.',
  'order.not_found':
    'Ich konnte Bestellung Nr. {orderId} nicht finden. Bitte prüfen Sie die sechsstellige Nummer in Ihrer Bestellbestätigung.',
  'order.store_down':
    'Unser Bestellsystem ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  'status.processing': 'in Bearbeitung',
  'status.shipped': 'versandt',
  'status.in_transit': 'unterwegs',
  'status.delivered': 'zugestellt',
  'status.cancelled': 'storniert',
  'status.returned': 'zurückgesendet',
  'next.processing':
    'Sie ist noch nicht verschickt; sobald sie unterwegs ist, bekommen Sie eine E-Mail mit der Sendungsverfolgung.',
  'next.shipped': 'Fragen Sie mich nach der Sendungsverfolgung, wenn Sie sie verfolgen möchten.',
  'next.in_transit': 'Fragen Sie mich nach der Sendungsverfolgung, um zu sehen, wo sie ist.',
  'next.delivered':
    'Falls sie nicht bei Ihnen angekommen ist, schreiben Sie bitte an {support_email}.',
  'next.cancelled':
    'Bereits abgebuchte Beträge werden innerhalb von 5-7 Werktagen auf Ihr ursprüngliches Zahlungsmittel erstattet.',
  'next.returned':
    'Die Erstattung kommt innerhalb von 5-7 Werktagen, nachdem die Rücksendung bei uns eingegangen ist, auf Ihr Konto.',
  'cancel.processing':
    'Bestellung Nr. {orderId} ist noch in Bearbeitung und kann storniert werden: Schreiben Sie mit der Bestellnummer an {support_email}, das Team storniert sie dann. Wenn Sie andere Bücher möchten, stornieren Sie sie und bestellen neu.',
  'cancel.shipped':
    'Bestellung Nr. {orderId} ist bereits verschickt und kann nicht mehr storniert werden: Sobald sie ankommt, können Sie sie gemäß unseren Rückgabebedingungen zurücksenden und bekommen Ihr Geld zurück.',
  'cancel.delivered':
    'Bestellung Nr. {orderId} wurde bereits zugestellt und kann nicht storniert werden; Sie können sie gemäß unseren Rückgabebedingungen zurücksenden und bekommen Ihr Geld zurück.',
  'cancel.cancelled':
    'Bestellung Nr. {orderId} ist bereits storniert. Bereits abgebuchte Beträge werden innerhalb von 5-7 Werktagen auf Ihr ursprüngliches Zahlungsmittel erstattet.',
  'cancel.returned':
    'Bestellung Nr. {orderId} wurde zurückgesendet, es gibt also nichts zu stornieren. Die Erstattung erfolgt innerhalb von 5-7 Werktagen nach Eingang der Rücksendung.',
  'books.title':
    'Ja, wir haben {title} von {author} auf Lager: {price}, in der Kategorie {category}.',
  'books.line': '• {title} von {author} ({price})',
  'books.unknown_category':
    'Eine Abteilung {asked} haben wir nicht, aber Sie können wählen aus: {names}.',
  'books.none_left':
    'Mehr habe ich in dieser Richtung leider nicht. Soll ich Ihnen etwas aus einer anderen Kategorie vorschlagen, die zu Ihnen passt?',
  'books.more': 'Das sind noch ein paar Bücher, die Ihnen gefallen könnten:',
  'books.by_author': 'Das haben wir von {author} im Sortiment:',
  'books.like':
    'Wenn Ihnen {like} gefallen hat, probieren Sie es mit diesen Büchern aus der Kategorie {category}:',
  'books.like_that_one': 'das',
  'books.our_shelves': 'unserem Sortiment',
  'books.bestsellers': 'Das sind einige der Bestseller, die bei uns gerade am besten laufen:',
  'books.bestsellers_in': 'Das sind die Bestseller in der Kategorie {category}:',
  'books.picks_from': 'Hier ist eine Auswahl aus der Kategorie {category}:',
  'books.about': 'Hier sind einige unserer Bücher über {subject}:',
  'books.readers_love': 'Das sind ein paar Titel, die unsere Leser lieben:',
  'suggest.track': 'Bestellung verfolgen',
  'suggest.shipping': 'Versand',
  'suggest.returns': 'Rücksendungen',
  'suggest.recommend': 'Buch empfehlen',
  'help.default_language':
    '(Diese Antwort haben wir noch nicht in Ihrer Sprache, deshalb hier in unserer Hauptsprache.)',
  'link.support': 'E-Mail an das Support-Team',
  'link.track_with': 'Bei {carrier} verfolgen',
  'handoff.contact': 'Support-Team kontaktieren',
  'handoff.no_thanks': 'Nein, danke',
  'handoff.yes': 'Ja',
  'handoff.cancel': 'Abbrechen',
  'handoff.skip': 'Überspringen',
  'handoff.ask_email': 'An welche E-Mail-Adresse soll das Team Ihnen antworten?',
  'handoff.propose_email':
    'Soll das Team Ihnen an {email} antworten? Sagen Sie ja oder geben Sie eine andere E-Mail-Adresse ein.',
  'handoff.ask_problem':
    'Danke. Was sollte das Team in einem Satz wissen? Oder sagen Sie „überspringen“: Es liest dieses Gespräch.',
  'handoff.bad_email':
    'Das sieht nicht nach einer E-Mail-Adresse aus. Bitte geben Sie die Adresse ein, an die das Team antworten soll, oder sagen Sie abbrechen.',
  'handoff.cancelled': 'Kein Problem. Wobei kann ich Ihnen sonst helfen?',
  'handoff.too_many':
    'Sie haben dem Support-Team schon mehrere Anfragen geschickt; es antwortet Ihnen per E-Mail. Sie können auch an {support_email} schreiben.',
  'handoff.down':
    'Unser Support-System ist gerade nicht erreichbar. Bitte schreiben Sie an {support_email} oder versuchen Sie es in ein paar Minuten noch einmal.',
  'handoff.created':
    'Erledigt: Ihre Anfrage hat die Nummer {reference}. {expected} Das Team schreibt Ihnen an {email}.',
  'handoff.see_conversation': 'Siehe Gespräch.',
};
