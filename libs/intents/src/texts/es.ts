import type { TextKey } from './en.js';

/** Spanish, written for shoppers in Spain and Latin America alike (tú, neutral vocabulary). */
export const ES: Readonly<Record<TextKey, string>> = {
  greeting: '¡Hola! Estoy aquí para ayudarte. ¿En qué puedo ayudarte hoy?',
  order_status:
    'Puedo ayudarte a seguir tu pedido. Para eso necesito el número de pedido, por favor.',
  shipping: 'Nuestro centro de ayuda tiene las opciones de envío y los plazos de entrega.',
  returns: 'Nuestro centro de ayuda tiene nuestra política de devoluciones.',
  payment: 'Nuestro centro de ayuda indica las formas de pago que aceptamos.',
  recommendation:
    '¡Echa un vistazo a nuestra sección de Ficción para ver los títulos más populares!',
  fallback:
    'No estoy seguro de poder ayudarte con eso. Escribe a {support_email} y te echarán una mano.',
  thanks: '¡De nada! ¿Hay algo más en lo que pueda ayudarte?',
  goodbye: '¡Gracias por tu visita y que disfrutes de la lectura! Hasta pronto.',
  acknowledge: '¡Perfecto! ¿Algo más en lo que pueda ayudarte?',
  frustrated:
    'Siento no haberte sido de más ayuda. ¿Me cuentas un poco mejor qué necesitas? ' +
    'También puedes hablar con una persona de nuestro equipo de soporte en {support_email}.',
  gibberish:
    'Perdona, no te he entendido. ¿Puedes decirlo de otra forma? Puedo ayudarte con pedidos, envíos, ' +
    'devoluciones, pagos y recomendaciones de libros.',
  help: 'No estoy seguro de poder ayudarte con eso. Escribe a {support_email} y te echarán una mano.',
  handoff:
    'Puedo pasar esta conversación a nuestro equipo de soporte. Responden {support_hours}, en {answer_within} como máximo.',
  llm_failure:
    'Ahora mismo no puedo procesar tu mensaje. Escribe a {support_email} y el equipo te ayudará.',
  'order.ask_number': '¿Cuál es el número de tu pedido? Tiene seis cifras.',
  'order.status': 'El estado de tu pedido n.º {orderId}: está {status}. {next}',
  'order.details': 'El estado del pedido n.º {orderId} es: {status}.',
  'order.carrier': 'Transportista: {carrier}, número de seguimiento {tracking}.',
  'order.no_tracking': 'Todavía no tiene número de seguimiento.',
  'order.estimated': 'Entrega prevista: {date}.',
  'order.ask_email':
    'Para darte los datos de seguimiento del pedido n.º {orderId}, tengo que comprobar que es tuyo. ¿Con qué dirección de correo hiciste el pedido?',
  'order.email_no_match':
    'Esa dirección de correo no coincide con el pedido n.º {orderId}. Revísala y vuelve a intentarlo.',
  'order.too_many_attempts':
    'De momento no puedo comprobar más direcciones de correo: tras demasiados intentos fallidos, las consultas de pedidos quedan bloqueadas. Inténtalo más tarde o escribe a {support_email} y el equipo te ayudará.',
  'order.nothing_to_track':
    'El pedido n.º {orderId} está {status}, así que no hay nada que seguir.',
  'order.wrong_length':
    '{digits} no parece uno de nuestros números de pedido: tienen seis cifras y aparecen en el correo de confirmación. ¿Puedes revisarlo?',
  'order.still_need_email':
    '(Para darte los datos de seguimiento del pedido n.º {orderId}, todavía necesito el correo con el que lo hiciste).',
  'order.cancel_ask_number':
    'Un pedido se puede cancelar mientras se está preparando; si ya se ha enviado, puedes devolverlo. ¿Cuál es tu número de pedido de seis cifras? Miro en qué punto está.',
  'order.not_found':
    'No he encontrado el pedido n.º {orderId}. Revisa el número de seis cifras del correo de confirmación.',
  'order.store_down':
    'Ahora mismo no puedo acceder a nuestro sistema de pedidos. Inténtalo de nuevo en unos minutos.',
  'status.processing': 'en preparación',
  'status.shipped': 'enviado',
  'status.in_transit': 'en camino',
  'status.delivered': 'entregado',
  'status.cancelled': 'cancelado',
  'status.returned': 'devuelto',
  'next.processing':
    'Todavía no ha salido; te llegará un correo con el seguimiento en cuanto se envíe.',
  'next.shipped': 'Pídeme los datos de seguimiento si quieres seguirlo.',
  'next.in_transit': 'Pídeme los datos de seguimiento para ver dónde está.',
  'next.delivered': 'Si no te ha llegado, escribe a {support_email}.',
  'next.cancelled':
    'Si se llegó a cobrar algo, se reembolsa en tu método de pago original en 5-7 días hábiles.',
  'next.returned': 'El reembolso se emite en 5-7 días hábiles desde que recibimos la devolución.',
  'cancel.processing':
    'El pedido n.º {orderId} todavía se está preparando, así que se puede cancelar: escribe a {support_email} con el número de pedido y el equipo lo cancelará. Si quieres cambiar los libros, cancélalo y haz un pedido nuevo.',
  'cancel.shipped':
    'El pedido n.º {orderId} ya se ha enviado, así que ya no se puede cancelar: cuando llegue, puedes devolverlo y te reembolsamos el importe, como indica nuestra política de devoluciones.',
  'cancel.delivered':
    'El pedido n.º {orderId} ya se ha entregado, así que no se puede cancelar; puedes devolverlo y te reembolsamos el importe, como indica nuestra política de devoluciones.',
  'cancel.cancelled':
    'El pedido n.º {orderId} ya está cancelado. Si se llegó a cobrar algo, se reembolsa en tu método de pago original en 5-7 días hábiles.',
  'cancel.returned':
    'El pedido n.º {orderId} se devolvió, así que no hay nada que cancelar. El reembolso se emite en 5-7 días hábiles desde que recibimos la devolución.',
  'books.title': 'Sí, tenemos {title} de {author} en stock: {price}, en la sección {category}.',
  'books.line': '• {title}, de {author} ({price})',
  'books.unknown_category': 'No tenemos una sección de {asked}, pero puedes elegir entre: {names}.',
  'books.none_left':
    'No tengo nada más en esa línea. ¿Quieres que te sugiera algo de otra categoría?',
  'books.more': 'Aquí tienes unos cuantos más, en la misma línea que los anteriores:',
  'books.by_author': 'Esto es lo que tenemos de {author}:',
  'books.like': 'Si te gustó {like}, prueba con estos de la sección {category}:',
  'books.like_that_one': 'ese',
  'books.our_shelves': 'nuestras estanterías',
  'books.bestsellers': 'Estos son algunos de los libros que más se venden en la tienda:',
  'books.bestsellers_in': 'Estos son algunos de los más vendidos en la sección {category}:',
  'books.picks_from': 'Te propongo una selección de libros de {category} para que elijas:',
  'books.about': 'Estos son algunos de nuestros libros sobre {subject}:',
  'books.readers_love': 'Estos son algunos de los libros que más gustan a nuestros lectores:',
  'suggest.track': 'Seguir mi pedido',
  'suggest.shipping': 'Envíos',
  'suggest.returns': 'Devoluciones',
  'suggest.recommend': 'Recomiéndame un libro',
  'help.default_language':
    '(Aún no tenemos esta respuesta en tu idioma, así que te la damos en nuestro idioma principal).',
  'link.support': 'Escribir al equipo de soporte',
  'link.track_with': 'Seguir con {carrier}',
  'handoff.contact': 'Contactar con el equipo de soporte',
  'handoff.no_thanks': 'No, gracias',
  'handoff.yes': 'Sí',
  'handoff.cancel': 'Cancelar',
  'handoff.skip': 'Omitir',
  'handoff.ask_email': '¿A qué dirección de correo te respondemos?',
  'handoff.propose_email':
    '¿Te respondemos a {email}? Di que sí, o escribe otra dirección de correo.',
  'handoff.ask_problem':
    'Gracias. En una línea, ¿qué debería saber el equipo? O di «omitir»: leerán esta conversación.',
  'handoff.bad_email':
    'Eso no parece una dirección de correo. Escribe la dirección a la que quieres que te responda el equipo, o di cancelar.',
  'handoff.cancelled': 'Sin problema. ¿En qué más puedo ayudarte?',
  'handoff.too_many':
    'Ya has enviado varias solicitudes al equipo de soporte; te responderán por correo. También puedes escribir a {support_email}.',
  'handoff.down':
    'Ahora mismo no puedo acceder a nuestro sistema de soporte. Escribe a {support_email} o inténtalo de nuevo en unos minutos.',
  'handoff.created': 'Listo: tu solicitud es la {reference}. {expected} Te escribirán a {email}.',
  'handoff.see_conversation': 'Ver la conversación.',
};
