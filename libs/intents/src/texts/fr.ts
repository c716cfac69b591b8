import type { TextKey } from './en.js';

/** French, vouvoiement as a shop addresses its customers. */
export const FR: Readonly<Record<TextKey, string>> = {
  greeting: 'Bonjour ! Je suis là pour vous aider. Que puis-je faire pour vous aujourd’hui ?',
  order_status:
    'Je peux vous aider à suivre votre commande. Pouvez-vous me donner votre numéro de commande ?',
  shipping: 'Notre centre d’aide présente nos options de livraison et leurs délais.',
  returns: 'Notre centre d’aide présente notre politique de retour.',
  payment: 'Notre centre d’aide indique les moyens de paiement acceptés.',
  recommendation: 'Jetez un œil à notre rayon Fiction pour les titres les plus appréciés !',
  fallback:
    'Je ne suis pas sûr de pouvoir vous répondre. Écrivez à {support_email}, l’équipe vous aidera.',
  thanks: 'Avec plaisir ! Puis-je vous aider pour autre chose ?',
  goodbye: 'Merci de votre visite, et bonne lecture ! À bientôt.',
  acknowledge: 'Parfait ! Est-ce que je peux vous aider pour autre chose ?',
  frustrated:
    'Je suis désolé de ne pas vous avoir mieux aidé. Pouvez-vous m’en dire un peu plus sur ce dont vous avez besoin ? ' +
    'Vous pouvez aussi joindre une personne de notre équipe d’assistance à {support_email}.',
  gibberish:
    'Désolé, je n’ai pas compris. Pouvez-vous reformuler ? Je peux vous aider pour les commandes, la livraison, ' +
    'les retours, le paiement et des idées de lecture.',
  help: 'Je ne suis pas sûr de pouvoir vous répondre. Écrivez à {support_email}, l’équipe vous aidera.',
  handoff:
    'Je peux transmettre cette conversation à notre équipe d’assistance. Elle répond {support_hours}, sous {answer_within}.',
  llm_failure: 'Je n’arrive pas à traiter votre message pour le moment. Écrivez à {support_email}.',
  'order.ask_number': 'Quel est votre numéro de commande à six chiffres ?',
  'order.status': 'Votre commande n° {orderId} est {status}. {next}',
  'order.details': 'La commande n° {orderId} est {status}.',
  'order.carrier': 'Transporteur : {carrier}, numéro de suivi {tracking}.',
  'order.no_tracking': 'Elle n’a pas encore de numéro de suivi.',
  'order.estimated': 'Livraison estimée : {date}.',
  'order.ask_email':
    'Pour vous donner le suivi de la commande n° {orderId}, je dois vérifier qu’elle est bien à vous. Avec quelle adresse e-mail avez-vous commandé ?',
  'order.email_no_match':
    'Cette adresse e-mail ne correspond pas à la commande n° {orderId}. Vérifiez-la et réessayez.',
  'order.too_many_attempts':
    'Je ne peux plus vérifier d’adresses e-mail pour le moment : après trop d’essais infructueux, les vérifications de commande sont bloquées. Réessayez plus tard, ou écrivez à {support_email} et l’équipe vous aidera.',
  'order.nothing_to_track':
    'La commande n° {orderId} est {status} : il n’y a donc rien à suivre pour le moment.',
  'order.wrong_length':
    '{digits} ne ressemble pas à l’un de nos numéros de commande : ils ont six chiffres et figurent dans l’e-mail de confirmation. Pouvez-vous vérifier ?',
  'order.still_need_email':
    '(Pour le suivi de la commande n° {orderId}, il me faut encore l’adresse e-mail utilisée pour commander.)',
  'order.cancel_ask_number':
    'Une commande peut être annulée tant qu’elle est en préparation ; une fois expédiée, il faut la retourner. Quel est votre numéro de commande à six chiffres ? Je regarde où elle en est.',
  'order.not_found':
    'Je ne trouve pas la commande n° {orderId}. Vérifiez le numéro à six chiffres dans votre e-mail de confirmation.',
  'order.store_down':
    'Je n’arrive pas à joindre notre système de commandes pour le moment. Réessayez dans quelques minutes.',
  'status.processing': 'en préparation',
  'status.shipped': 'expédiée',
  'status.in_transit': 'en cours d’acheminement',
  'status.delivered': 'livrée',
  'status.cancelled': 'annulée',
  'status.returned': 'retournée',
  'next.processing':
    'Elle n’est pas encore partie ; vous recevrez un e-mail avec le suivi dès son expédition.',
  'next.shipped': 'Demandez-moi le suivi si vous voulez la suivre.',
  'next.in_transit': 'Demandez-moi le suivi pour savoir où elle se trouve.',
  'next.delivered': 'Si vous ne l’avez pas reçue, écrivez à {support_email}.',
  'next.cancelled':
    'Tout montant débité est remboursé sur votre moyen de paiement d’origine sous 5 à 7 jours ouvrés.',
  'next.returned': 'Le remboursement est émis sous 5 à 7 jours ouvrés après réception du retour.',
  'cancel.processing':
    'La commande n° {orderId} est encore en préparation, elle peut donc être annulée : écrivez à {support_email} avec le numéro de commande et l’équipe l’annulera. Pour changer de livres, annulez-la et passez une nouvelle commande.',
  'cancel.shipped':
    'La commande n° {orderId} est déjà expédiée, elle ne peut plus être annulée : à sa réception, vous pourrez la retourner pour être remboursé, comme l’explique notre politique de retour.',
  'cancel.delivered':
    'La commande n° {orderId} a déjà été livrée, elle ne peut donc pas être annulée ; vous pouvez la retourner pour être remboursé, comme l’explique notre politique de retour.',
  'cancel.cancelled':
    'La commande n° {orderId} est déjà annulée. Tout montant débité est remboursé sur votre moyen de paiement d’origine sous 5 à 7 jours ouvrés.',
  'cancel.returned':
    'La commande n° {orderId} a été retournée, il n’y a donc rien à annuler. Le remboursement est émis sous 5 à 7 jours ouvrés après réception du retour.',
  'books.title': 'Oui, nous avons {title} de {author} en stock : {price}, au rayon {category}.',
  'books.line': '• {title}, de {author} ({price})',
  'books.unknown_category':
    'Nous n’avons pas de rayon {asked}, mais vous pouvez choisir parmi : {names}.',
  'books.none_left':
    'C’est tout ce que j’ai dans ce genre. Voulez-vous une suggestion dans un autre rayon ?',
  'books.more': 'Voici d’autres livres dans la même veine que les précédents :',
  'books.by_author': 'Voici ce que nous avons de {author} :',
  'books.like':
    'Si vous avez aimé {like}, essayez ceux-ci, que vous trouverez au rayon {category} :',
  'books.like_that_one': 'celui-là',
  'books.our_shelves': 'de nos rayons',
  'books.bestsellers': 'Voici les livres qui se vendent le mieux en ce moment :',
  'books.bestsellers_in': 'Voici les meilleures ventes du moment au rayon {category} :',
  'books.picks_from': 'Voici une sélection de livres du rayon {category} :',
  'books.about': 'Voici quelques-uns de nos livres sur {subject} :',
  'books.readers_love':
    'Voici quelques livres que nos lecteurs adorent, pour vous donner des idées :',
  'suggest.track': 'Suivre ma commande',
  'suggest.shipping': 'Livraison',
  'suggest.returns': 'Retours',
  'suggest.recommend': 'Conseillez-moi un livre',
  'help.default_language':
    '(Nous n’avons pas encore cette réponse dans votre langue : la voici dans notre langue principale.)',
  'link.support': 'Écrire à l’équipe d’assistance',
  'link.track_with': 'Suivre avec {carrier}',
  'handoff.contact': 'Contacter l’équipe d’assistance',
  'handoff.no_thanks': 'Non merci',
  'handoff.yes': 'Oui',
  'handoff.cancel': 'Annuler',
  'handoff.skip': 'Passer',
  'handoff.ask_email': 'À quelle adresse e-mail l’équipe doit-elle vous répondre ?',
  'handoff.propose_email':
    'L’équipe doit-elle vous répondre à {email} ? Dites oui, ou tapez une autre adresse e-mail.',
  'handoff.ask_problem':
    'Merci. En une ligne, que doit savoir l’équipe ? Ou dites « passer » : elle lira cette conversation.',
  'handoff.bad_email':
    'Cela ne ressemble pas à une adresse e-mail. Tapez l’adresse à laquelle l’équipe doit vous répondre, ou dites annuler.',
  'handoff.cancelled': 'Pas de souci. Que puis-je faire d’autre pour vous ?',
  'handoff.too_many':
    'Vous avez déjà envoyé plusieurs demandes à l’équipe d’assistance, qui vous répondra par e-mail. Vous pouvez aussi écrire à {support_email} pour la relancer.',
  'handoff.down':
    'Je n’arrive pas à joindre notre service d’assistance pour le moment. Écrivez à {support_email}, ou réessayez dans quelques minutes.',
  'handoff.created':
    'C’est fait : votre demande porte la référence {reference}. {expected} L’équipe vous écrira à {email}.',
  'handoff.see_conversation': 'Voir la conversation.',
};
