/**
 * The help articles' titles and short answers in Spanish, French and German: the same facts as
 * HELP_ARTICLES (help-center.ts), in the words a native speaker would use. help-center.spec.ts
 * checks that every article has all three and that their figures (days, prices) match the English.
 */
export type HelpLanguage = 'es' | 'fr' | 'de';

export interface HelpTranslation {
  readonly title: string;
  readonly answer: string;
}

type T = Readonly<Record<HelpLanguage, HelpTranslation>>;

export const HELP_TRANSLATIONS: Readonly<Record<string, T>> = {
  'shipping-times': {
    es: {
      title: 'Cuánto tarda el envío',
      answer:
        'Con el envío estándar, tu pedido llega en 5-7 días hábiles; con el exprés, en 2-3 días hábiles.',
    },
    fr: {
      title: 'Délais de livraison',
      answer:
        'Comptez 5-7 jours ouvrés pour la livraison standard et 2-3 jours ouvrés pour la livraison express.',
    },
    de: {
      title: 'Wie lange der Versand dauert',
      answer:
        'Der Standardversand dauert 5-7 Werktage, mit Expressversand ist die Bestellung in 2-3 Werktagen bei Ihnen.',
    },
  },
  'shipping-cost': {
    es: {
      title: 'Cuánto cuesta el envío',
      answer:
        'El envío estándar cuesta $4.99 (5-7 días hábiles) y es gratis en pedidos de $35 o más dentro de Estados Unidos. El envío exprés cuesta $12.99 (2-3 días hábiles).',
    },
    fr: {
      title: 'Frais de livraison',
      answer:
        'La livraison standard coûte 4,99 $ (5 à 7 jours ouvrés) et elle est gratuite dès 35 $ d’achat aux États-Unis. La livraison express coûte 12,99 $ (2 à 3 jours ouvrés).',
    },
    de: {
      title: 'Was der Versand kostet',
      answer:
        'Der Standardversand kostet 4,99 $ (5-7 Werktage) und ist innerhalb der USA ab 35 $ Bestellwert kostenlos. Der Expressversand kostet 12,99 $ (2-3 Werktage).',
    },
  },
  'free-shipping': {
    es: {
      title: 'Envío gratis a partir de $35',
      answer:
        'El envío estándar es gratis en pedidos de $35 o más dentro de Estados Unidos; por debajo de $35 cuesta $4.99.',
    },
    fr: {
      title: 'Livraison gratuite dès 35 $',
      answer:
        'La livraison standard est offerte dès 35 $ d’achat aux États-Unis ; en dessous de 35 $, elle coûte 4,99 $.',
    },
    de: {
      title: 'Kostenloser Versand ab 35 $',
      answer:
        'Innerhalb der USA ist der Standardversand ab einem Bestellwert von 35 $ kostenlos, und darunter kostet er 4,99 $.',
    },
  },
  'express-shipping': {
    es: {
      title: 'Envío exprés',
      answer: 'El envío exprés tarda 2-3 días hábiles y cuesta $12.99 por pedido.',
    },
    fr: {
      title: 'Livraison express',
      answer:
        'La livraison express prend 2-3 jours ouvrés et coûte 12,99 $ pour toute la commande.',
    },
    de: {
      title: 'Expressversand',
      answer:
        'Der Expressversand dauert 2-3 Werktage und kostet 12,99 $ pro Bestellung, egal wie viele Bücher es sind.',
    },
  },
  'same-day-dispatch': {
    es: {
      title: 'Cuándo salen los pedidos del almacén',
      answer:
        'Los pedidos hechos antes de las 2 pm (hora del Este) en un día hábil salen de nuestro almacén ese mismo día; los posteriores, al día hábil siguiente.',
    },
    fr: {
      title: 'Quand les commandes quittent l’entrepôt',
      answer:
        'Les commandes passées avant 14 h (heure de l’Est) un jour ouvré quittent notre entrepôt le jour même ; les suivantes partent le jour ouvré suivant.',
    },
    de: {
      title: 'Wann Bestellungen das Lager verlassen',
      answer:
        'Was an einem Werktag bis 14 Uhr (US-Ostküstenzeit) bestellt wird, verlässt das Lager noch am selben Tag; spätere Bestellungen gehen am nächsten Werktag auf den Weg.',
    },
  },
  'international-shipping': {
    es: {
      title: 'Envíos internacionales',
      answer:
        'Enviamos a Canadá, el Reino Unido, la Unión Europea y Australia: 7-14 días hábiles por una tarifa fija de $14.99; los posibles aranceles de importación se pagan a la entrega. Por ahora no enviamos a otros países.',
    },
    fr: {
      title: 'Livraison à l’international',
      answer:
        'Nous livrons au Canada, au Royaume-Uni, dans l’Union européenne et en Australie : 7 à 14 jours ouvrés pour un forfait de 14,99 $, les éventuels droits d’importation étant payés à la livraison. Nous ne livrons pas encore d’autres pays.',
    },
    de: {
      title: 'Internationaler Versand',
      answer:
        'Wir liefern nach Kanada, ins Vereinigte Königreich, in die Europäische Union und nach Australien: 7-14 Werktage zum Pauschalpreis von 14,99 $; eventuelle Einfuhrabgaben zahlen Sie bei der Zustellung. In andere Länder liefern wir noch nicht.',
    },
  },
  'change-address': {
    es: {
      title: 'Cambiar la dirección de entrega',
      answer:
        'Puedes cambiar la dirección de entrega mientras el pedido se está preparando: escribe a support@bookstore.com. Una vez enviado, solo el transportista puede redirigirlo.',
    },
    fr: {
      title: 'Changer l’adresse de livraison',
      answer:
        'Vous pouvez changer l’adresse de livraison tant que la commande est en préparation : écrivez à support@bookstore.com. Une fois expédiée, seul le transporteur peut la réacheminer.',
    },
    de: {
      title: 'Lieferadresse ändern',
      answer:
        'Solange Ihre Bestellung in Bearbeitung ist, können Sie die Lieferadresse ändern: Schreiben Sie an support@bookstore.com. Nach dem Versand kann nur noch der Versanddienstleister sie umleiten.',
    },
  },
  'lost-or-late': {
    es: {
      title: 'Un pedido retrasado o perdido',
      answer:
        'Si tu pedido lleva 5 días hábiles de retraso sobre la fecha de entrega prevista, lo reclamamos al transportista y, si no aparece, te lo reponemos o te devolvemos el dinero. Escribe a support@bookstore.com con tu número de pedido.',
    },
    fr: {
      title: 'Une commande en retard ou perdue',
      answer:
        'Si votre commande a 5 jours ouvrés de retard sur sa date de livraison estimée, nous le signalons au transporteur et, si elle reste introuvable, nous la remplaçons ou la remboursons. Écrivez à support@bookstore.com avec votre numéro de commande.',
    },
    de: {
      title: 'Eine verspätete oder verlorene Bestellung',
      answer:
        'Ist Ihre Bestellung 5 Werktage über dem voraussichtlichen Liefertermin, melden wir das dem Versanddienstleister und ersetzen oder erstatten sie, falls sie nicht auftaucht. Schreiben Sie mit Ihrer Bestellnummer an support@bookstore.com.',
    },
  },
  tracking: {
    es: {
      title: 'Seguir un pedido',
      answer:
        'Un pedido enviado tiene transportista y número de seguimiento. Dame tu número de pedido y el correo con el que lo hiciste, y te los muestro.',
    },
    fr: {
      title: 'Suivre une commande',
      answer:
        'Une commande expédiée a un transporteur et un numéro de suivi. Donnez-moi votre numéro de commande et l’e-mail utilisé pour commander, et je vous les montre.',
    },
    de: {
      title: 'Eine Bestellung verfolgen',
      answer:
        'Eine verschickte Bestellung hat einen Versanddienstleister und eine Sendungsnummer. Nennen Sie mir Ihre Bestellnummer und die E-Mail-Adresse, mit der Sie bestellt haben, dann zeige ich sie Ihnen.',
    },
  },
  'returns-policy': {
    es: {
      title: 'Devoluciones en 30 días',
      answer:
        'Aceptamos devoluciones en un plazo de 30 días. Los libros deben estar en su estado original.',
    },
    fr: {
      title: 'Retours sous 30 jours',
      answer:
        'Vous pouvez retourner un livre pendant 30 jours. Il doit être dans son état d’origine.',
    },
    de: {
      title: 'Rückgabe innerhalb von 30 Tagen',
      answer:
        'Sie können Bücher innerhalb von 30 Tagen zurückgeben. Die Bücher müssen dafür im Originalzustand sein.',
    },
  },
  'return-label': {
    es: {
      title: 'Devolución gratuita',
      answer:
        'Las devoluciones son gratis: te damos una etiqueta de devolución prepagada. Envía el libro en los 30 días siguientes a la entrega, en su estado original.',
    },
    fr: {
      title: 'Retour gratuit',
      answer:
        'Les retours sont gratuits : nous vous fournissons une étiquette de retour prépayée. Renvoyez le livre dans les 30 jours suivant la livraison, dans son état d’origine.',
    },
    de: {
      title: 'Kostenlose Rücksendung',
      answer:
        'Rücksendungen sind kostenlos: Sie bekommen von uns ein frankiertes Rücksendeetikett. Schicken Sie das Buch innerhalb von 30 Tagen nach Zustellung im Originalzustand zurück.',
    },
  },
  'refund-timing': {
    es: {
      title: 'Cuándo llega el reembolso',
      answer:
        'El reembolso se hace en tu método de pago original en 5-7 días hábiles desde que recibimos la devolución.',
    },
    fr: {
      title: 'Quand arrive le remboursement',
      answer:
        'Le remboursement est versé sur votre moyen de paiement d’origine sous 5 à 7 jours ouvrés après réception de votre retour.',
    },
    de: {
      title: 'Wann die Erstattung kommt',
      answer:
        'Die Erstattung geht innerhalb von 5-7 Werktagen nach Eingang Ihrer Rücksendung auf Ihr ursprüngliches Zahlungsmittel.',
    },
  },
  'damaged-or-wrong-book': {
    es: {
      title: 'Un libro dañado, con errores de impresión o equivocado',
      answer:
        '¡Lo sentimos! Avísanos de un libro dañado, mal impreso o equivocado en un plazo de 14 días, con una foto, en support@bookstore.com: te enviamos otro gratis o te devolvemos todo el importe, y no hace falta que lo devuelvas.',
    },
    fr: {
      title: 'Un livre abîmé, mal imprimé ou erroné',
      answer:
        'Désolé ! Signalez un livre abîmé, mal imprimé ou erroné sous 14 jours, avec une photo, à support@bookstore.com : nous envoyons gratuitement un autre exemplaire ou remboursons intégralement, sans que vous ayez à le renvoyer.',
    },
    de: {
      title: 'Ein beschädigtes, fehlgedrucktes oder falsches Buch',
      answer:
        'Das tut uns leid! Melden Sie ein beschädigtes, fehlgedrucktes oder falsches Buch innerhalb von 14 Tagen mit einem Foto an support@bookstore.com: Wir schicken kostenlos Ersatz oder erstatten den vollen Betrag, und Sie müssen es nicht zurückschicken.',
    },
  },
  exchanges: {
    es: {
      title: 'Cambios',
      answer:
        'Para cambiar un libro por otra edición u otro título, inicia una devolución: el nuevo sale en cuanto el transportista escanea tu devolución.',
    },
    fr: {
      title: 'Échanges',
      answer:
        'Pour échanger un livre contre une autre édition ou un autre titre, faites un retour : le nouveau livre part dès que le transporteur scanne votre colis retour.',
    },
    de: {
      title: 'Umtausch',
      answer:
        'Um ein Buch gegen eine andere Ausgabe oder einen anderen Titel zu tauschen, starten Sie eine Rücksendung: Der Ersatz geht raus, sobald der Versanddienstleister Ihre Rücksendung scannt.',
    },
  },
  'no-receipt': {
    es: {
      title: 'Devoluciones sin tique',
      answer:
        'No necesitas tique: basta con tu número de pedido o el correo con el que lo hiciste para devolverlo.',
    },
    fr: {
      title: 'Retours sans ticket',
      answer:
        'Pas besoin de ticket : votre numéro de commande ou l’e-mail utilisé pour la commande suffit pour le retour.',
    },
    de: {
      title: 'Rückgabe ohne Beleg',
      answer:
        'Sie brauchen keinen Beleg: Ihre Bestellnummer oder die E-Mail-Adresse der Bestellung genügt für die Rückgabe.',
    },
  },
  'returned-gifts': {
    es: {
      title: 'Devolver un regalo',
      answer: 'Un regalo devuelto se reembolsa como tarjeta regalo a quien lo devuelve.',
    },
    fr: {
      title: 'Retourner un cadeau',
      answer:
        'Un cadeau retourné est remboursé sous forme de carte cadeau à la personne qui le renvoie.',
    },
    de: {
      title: 'Ein Geschenk zurückgeben',
      answer:
        'Ein zurückgegebenes Geschenk wird der Person, die es zurückschickt, als Geschenkgutschein erstattet.',
    },
  },
  'payment-methods': {
    es: {
      title: 'Formas de pago',
      answer:
        'Aceptamos las tarjetas Visa, Mastercard y American Express, y también el pago con PayPal.',
    },
    fr: {
      title: 'Moyens de paiement',
      answer: 'Nous acceptons les cartes Visa, Mastercard et American Express, ainsi que PayPal.',
    },
    de: {
      title: 'Zahlungsarten',
      answer:
        'Wir akzeptieren die Kreditkarten Visa, Mastercard und American Express sowie PayPal.',
    },
  },
  'payment-not-accepted': {
    es: {
      title: 'Formas de pago que no aceptamos',
      answer:
        'Lo sentimos, no aceptamos Apple Pay, Google Pay, pago contra reembolso ni criptomonedas. Puedes pagar con Visa, Mastercard, American Express, PayPal o una tarjeta regalo de Chapter & Verse.',
    },
    fr: {
      title: 'Moyens de paiement non acceptés',
      answer:
        'Désolé, nous n’acceptons ni Apple Pay, ni Google Pay, ni le paiement à la livraison, ni les cryptomonnaies. Vous pouvez payer par Visa, Mastercard, American Express, PayPal ou avec une carte cadeau Chapter & Verse.',
    },
    de: {
      title: 'Zahlungsarten, die wir nicht annehmen',
      answer:
        'Leider akzeptieren wir weder Apple Pay noch Google Pay, Nachnahme oder Kryptowährungen. Sie können mit Visa, Mastercard, American Express, PayPal oder einem Chapter & Verse-Geschenkgutschein bezahlen.',
    },
  },
  'currency-and-tax': {
    es: {
      title: 'Moneda e impuestos',
      answer:
        'Los precios están en dólares estadounidenses; el impuesto sobre las ventas se suma al pagar.',
    },
    fr: {
      title: 'Devise et taxes',
      answer:
        'Les prix sont en dollars américains ; la taxe de vente est ajoutée au moment du paiement.',
    },
    de: {
      title: 'Währung und Umsatzsteuer',
      answer:
        'Die Preise sind in US-Dollar angegeben, und die Umsatzsteuer kommt an der Kasse hinzu.',
    },
  },
  'double-charge': {
    es: {
      title: 'Cobro duplicado',
      answer:
        'El segundo cargo suele ser una autorización pendiente que desaparece en 3-5 días hábiles. Si no desaparece, escribe a support@bookstore.com y te lo reembolsamos.',
    },
    fr: {
      title: 'Débité deux fois',
      answer:
        'Le second débit est en général une autorisation en attente qui disparaît sous 3 à 5 jours ouvrés. Sinon, écrivez à support@bookstore.com et nous le remboursons.',
    },
    de: {
      title: 'Doppelt abgebucht',
      answer:
        'Die zweite Belastung ist meist eine vorläufige Autorisierung, die innerhalb von 3-5 Werktagen verschwindet. Falls nicht, schreiben Sie an support@bookstore.com, und wir erstatten sie.',
    },
  },
  'gift-cards': {
    es: {
      title: 'Tarjetas regalo',
      answer:
        'Nuestras tarjetas regalo digitales van de $10 a $200, se envían por correo electrónico, no caducan y sirven para cualquier pedido.',
    },
    fr: {
      title: 'Cartes cadeaux',
      answer:
        'Nos cartes cadeaux numériques vont de 10 $ à 200 $, sont envoyées par e-mail, n’expirent jamais et s’utilisent sur n’importe quelle commande.',
    },
    de: {
      title: 'Geschenkgutscheine',
      answer:
        'Unsere digitalen Geschenkgutscheine gibt es von 10 $ bis 200 $; sie kommen per E-Mail, verfallen nie und gelten für jede Bestellung.',
    },
  },
  'gift-wrapping': {
    es: {
      title: 'Envolver para regalo',
      answer: 'Envolver para regalo cuesta $3.99 por libro e incluye una nota escrita a mano.',
    },
    fr: {
      title: 'Paquet cadeau',
      answer: 'Le paquet cadeau coûte 3,99 $ par livre, avec un petit mot écrit à la main.',
    },
    de: {
      title: 'Geschenkverpackung',
      answer:
        'Die Geschenkverpackung kostet 3,99 $ pro Buch, und eine handgeschriebene Karte ist mit dabei.',
    },
  },
  'order-number': {
    es: {
      title: 'Tu número de pedido',
      answer:
        'Los números de pedido tienen seis cifras y aparecen en el correo de confirmación del pedido.',
    },
    fr: {
      title: 'Votre numéro de commande',
      answer:
        'Les numéros de commande ont six chiffres et figurent dans votre e-mail de confirmation de commande.',
    },
    de: {
      title: 'Ihre Bestellnummer',
      answer:
        'Die Bestellnummer ist sechsstellig und steht in der Bestellbestätigung, die Sie per E-Mail bekommen haben.',
    },
  },
  'cancel-order': {
    es: {
      title: 'Cancelar o cambiar un pedido',
      answer:
        'Un pedido se puede cancelar mientras se está preparando; una vez enviado, devuélvelo. Para cambiar los libros de un pedido, cancélalo mientras se prepara y haz uno nuevo.',
    },
    fr: {
      title: 'Annuler ou modifier une commande',
      answer:
        'Une commande peut être annulée tant qu’elle est en préparation ; une fois expédiée, retournez-la. Pour changer les livres d’une commande, annulez-la pendant la préparation et commandez à nouveau.',
    },
    de: {
      title: 'Eine Bestellung stornieren oder ändern',
      answer:
        'Eine Bestellung lässt sich stornieren, solange sie in Bearbeitung ist; nach dem Versand senden Sie sie stattdessen zurück. Um die Bücher einer Bestellung zu ändern, stornieren Sie sie während der Bearbeitung und bestellen neu.',
    },
  },
  'privacy-order-lookup': {
    es: {
      title: 'Por qué el chat te pide el número de pedido',
      answer:
        'Por tu privacidad, solo puedo encontrar un pedido por su número de seis cifras, nunca solo por el correo. El número aparece en el correo de confirmación del pedido.',
    },
    fr: {
      title: 'Pourquoi le chat demande votre numéro de commande',
      answer:
        'Pour protéger votre vie privée, je ne peux retrouver une commande que par son numéro à six chiffres, jamais par l’e-mail seul. Le numéro figure dans votre e-mail de confirmation.',
    },
    de: {
      title: 'Warum der Chat nach Ihrer Bestellnummer fragt',
      answer:
        'Zum Schutz Ihrer Daten finde ich eine Bestellung nur über ihre sechsstellige Bestellnummer, nie allein über die E-Mail-Adresse. Die Nummer steht in Ihrer Bestellbestätigung.',
    },
  },
  'password-reset': {
    es: {
      title: 'Iniciar sesión y restablecer la contraseña',
      answer:
        'Usa «¿Olvidaste tu contraseña?» en la página de inicio de sesión: te enviamos un enlace para restablecerla, válido durante 1 hora. Para comprar como invitado no necesitas cuenta.',
    },
    fr: {
      title: 'Se connecter et réinitialiser son mot de passe',
      answer:
        'Utilisez « Mot de passe oublié ? » sur la page de connexion : nous vous envoyons par e-mail un lien de réinitialisation valable 1 heure. Commander en tant qu’invité ne demande pas de compte.',
    },
    de: {
      title: 'Anmelden und Passwort zurücksetzen',
      answer:
        'Nutzen Sie „Passwort vergessen?“ auf der Anmeldeseite: Wir schicken Ihnen einen Link zum Zurücksetzen, der 1 Stunde gültig ist. Für eine Gastbestellung brauchen Sie kein Konto.',
    },
  },
  'online-only': {
    es: {
      title: 'Una tienda solo online',
      answer: 'Somos una tienda solo online, abierta 24/7: no tenemos tienda física que visitar.',
    },
    fr: {
      title: 'Une boutique uniquement en ligne',
      answer:
        'Nous sommes une boutique uniquement en ligne, ouverte 24/7 : il n’y a pas de magasin physique.',
    },
    de: {
      title: 'Ein reiner Online-Shop',
      answer:
        'Wir sind ein reiner Online-Shop, rund um die Uhr (24/7) geöffnet: Ein Ladengeschäft gibt es nicht.',
    },
  },
  'contact-support': {
    es: {
      title: 'Contactar con el equipo de soporte',
      answer:
        'Nuestro equipo de soporte atiende de lunes a viernes, de 9 am a 5 pm (hora del Este), en support@bookstore.com, y responde a todos los mensajes en 1 día hábil como máximo.',
    },
    fr: {
      title: 'Contacter l’équipe d’assistance',
      answer:
        'Notre équipe d’assistance est disponible du lundi au vendredi, de 9 h à 17 h (heure de l’Est), à support@bookstore.com, et répond à chaque message sous 1 jour ouvré.',
    },
    de: {
      title: 'Das Support-Team erreichen',
      answer:
        'Unser Support-Team ist montags bis freitags von 9 bis 17 Uhr (US-Ostküstenzeit) unter support@bookstore.com für Sie da und beantwortet jede Nachricht innerhalb von 1 Werktag.',
    },
  },
  'printed-books-only': {
    es: {
      title: 'Solo libros impresos',
      answer:
        'Solo vendemos libros impresos: no tenemos libros electrónicos ni audiolibros en la tienda.',
    },
    fr: {
      title: 'Uniquement des livres imprimés',
      answer: 'Nous ne vendons que des livres imprimés : ni livres numériques, ni livres audio.',
    },
    de: {
      title: 'Nur gedruckte Bücher',
      answer:
        'Wir verkaufen nur gedruckte Bücher, es gibt bei uns keine E-Books und keine Hörbücher.',
    },
  },
  'pre-orders': {
    es: {
      title: 'Preventas',
      answer:
        'Puedes reservar libros que aún no han salido; las reservas se cobran cuando se envían.',
    },
    fr: {
      title: 'Précommandes',
      answer:
        'Vous pouvez précommander les livres à paraître ; les précommandes sont débitées au moment de l’expédition.',
    },
    de: {
      title: 'Vorbestellungen',
      answer:
        'Sie können Bücher vorbestellen, die noch nicht erschienen sind; der Betrag wird erst beim Versand abgebucht.',
    },
  },
  newsletter: {
    es: {
      title: 'El descuento del boletín',
      answer: 'Quienes se suscriben al boletín tienen un 10% de descuento en su primer pedido.',
    },
    fr: {
      title: 'La remise newsletter',
      answer: 'Les abonnés à la newsletter ont 10 % de remise sur leur première commande.',
    },
    de: {
      title: 'Der Newsletter-Rabatt',
      answer: 'Wer den Newsletter abonniert, bekommt 10 % Rabatt auf die erste Bestellung.',
    },
  },
  'price-matching': {
    es: { title: 'Igualar precios', answer: 'Lo sentimos, no igualamos precios de otras tiendas.' },
    fr: {
      title: 'Alignement des prix',
      answer: 'Désolé, nous ne nous alignons pas sur les prix d’autres boutiques.',
    },
    de: {
      title: 'Preisanpassung',
      answer: 'Leider passen wir unsere Preise nicht an die anderer Shops an.',
    },
  },
};
