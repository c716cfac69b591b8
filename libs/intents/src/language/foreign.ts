import type { Intent } from '../intent.types.js';
import type { Language } from '../texts/index.js';

export type ForeignLanguage = Exclude<Language, 'en'>;

/**
 * How shoppers write in Spanish, French and German, as rules on the folded text (lowercase, accents
 * and umlauts dropped, so "envío" and "envio", "Rückgabe" and "ruckgabe" are one). The first rule
 * that matches decides, so the table reads in priority order: asking for a person, then the clear
 * topics (returns before payment before orders before shipping), then books, then small talk.
 * Spellings shoppers often get wrong are in the patterns ("envio/enbio", "rembourser/rembourcer").
 */
type Rule = readonly [Intent, RegExp];

const ES: readonly Rule[] = [
  [
    'handoff',
    /\b(hablar|comunicarme|contactar|pasame|pasarme|ponerme en contacto)\b.{0,30}\b(persona|humano|agente|operador|alguien|empleado)|\b(persona real|ser humano|agente humano|atencion al cliente|servicio al cliente)\b/,
  ],
  [
    'returns',
    /\bdevol\w*|\bdevuelv\w*|\bdevuel\w*|(?<!contra )\breembols\w*|(?<!contra )\brembols\w*|\bme devuelv\w*|\bcambiar (el|un|este|mi) libro|\blibro (danado|roto|defectuoso|equivocado|estropeado)|\b(rot[oa]s|danad[oa]s?|estropead[oa]s?|rasgad[oa]s?|mojad[oa]s?)\b|\b(llego|vino|enviaron|mandaron)\b.{0,25}\b(danado|roto|equivocado|otro libro|diferente)/,
  ],
  ['shipping', /\bsi (hago|pido|compro|realizo|encargo)\b/],
  [
    'payment',
    /\bpag(o|os|ar|amos|an|ais|ue|uen)\b|\bpago\w*|\btarjeta\w*|\bpaypal|\bpay pal|\bvisa\b|\bmastercard|\bamerican express|\bamex\b|\bbizum|\btransferencia|\bcontra ?reembolso|\bcobr(ado|aron|o|ais|an)\b|\bcargo doble|\bplazos\b/,
  ],
  [
    'order_status',
    /\bpedido\w*|\bmi (paquete|compra|envio|encargo)\b|\brastre\w*|\bseguimiento|\blocalizar\b|\bdonde (esta|anda|estan|andan)\b|\bno (me )?ha(n)? llegado|\btodavia no (llega|me llega)|\baun no (llega|ha llegado|me llega)|\bcancelar\w*|\banular\b/,
  ],
  [
    'shipping',
    /\benv[iy]o\w*|\benbio\w*|\benvi(an|ais|a|ar|ais|amos)\b|\bmand(an|ais)\b|\bentrega\w*|\bcuanto (tarda|tardan|demora|se demora|tiempo)|\bllega(n|ra|ria)?\b|\bexpres\b|\bexpress\b|\bportes\b|\binternacional\w*|\b(a|hasta) (mexico|espana|argentina|chile|colombia|peru|europa)\b/,
  ],
  [
    'recommendation',
    /\brecomien\w*|\brecomend\w*|\bsugier\w*|\bsugerencia\w*|\bque (libro|libros|puedo|deberia|me) (leer|recomiendas|lees)|\bnovela\w*|\blibros? (de|para|sobre|como)\b|\bbusco (un|algun|algo)\b|\bmas vendidos|\bnovedades|\bciencia ficcion|\bfantasia|\bterror\b|\bromantic\w*|\bpoliciac\w*|\bmisterio|\bthriller|\bbiografia\w*|\bautoayuda|\bpoesia|\bcomic\w*|\bmanga\b|\bque leer\b|\b(buen|buenos|algun|algunos) libros?\b|\blibros? buenos?\b|\balgo (para leer|de leer|parecido)/,
  ],
  [
    'frustrated',
    /\binutil\w*|\bno sirve(s)?\b|\bno (me )?ayuda(s)?\b|\bque (desastre|verguenza)|\bestoy hart[oa]|\bpesim[oa]|\bno entiendes\b|\bmal servicio|\bfatal\b|\bvaya mierda|\bqué mal/,
  ],
  ['thanks', /\bgracias|\bgrasias|\bte lo agradezco|\bmuy amable/],
  [
    'goodbye',
    /\badios|\bhasta (luego|pronto|manana|la vista|otra)|\bchao|\bnos vemos|\beso es todo|^buenas noches$|\bque (tengas|tenga) (un )?buen/,
  ],
  [
    'acknowledge',
    /^((vale|de acuerdo|ok(ey)?|perfecto|entendido|genial|muy bien|estupendo|claro|bien|listo|okey) ?){1,3}$/,
  ],
  [
    'greeting',
    /\bhola\b|\bbuenas noches\b|\bbuen(os|as) (dias|tardes)|\bbuen dia\b|\bque tal\b|\bcomo (estas|esta usted)\b|\bsaludos\b/,
  ],
];

const FR: readonly Rule[] = [
  [
    'handoff',
    /\b(parler|discuter|joindre|contacter|passer)\b.{0,30}\b(humain|personne|conseiller\w*|quelqu un|agent|operateur|service client)|\b(un|une) (vrai|vraie|veritable) (humain|personne)|\bservice (client|apres vente)|\bconseiller humain/,
  ],
  [
    'returns',
    /\bretour\w*|\bretourn\w*|\brembour\w*|\brenvoy\w*|\brenvoi\w*|\bechang\w*|\babime\w*|\bendommag\w*|\bdefectueux|\bmauvais livre|\bpas le bon livre|\bdechir\w*|\bcasse(e|s|es)?\b|\bmouille\w*/,
  ],
  ['shipping', /\bsi je (commande|passe commande|achete)/],
  [
    'payment',
    /\bpa(y|i)(e|er|ez|es|ons|ement|ements|able)\b|\bpaiement\w*|\bcarte(s)? (bancaire|bleue|de credit|cadeau|visa)|\bcb\b|\bpaypal|\bvisa\b|\bmastercard|\bamerican express|\bamex\b|\bvirement|\bregl(er|ement)|\bdebit(e|er|ee)\b|\bpreleve\w*|\ben plusieurs fois/,
  ],
  [
    'order_status',
    /\bcommande\w*|\bcolis\b|\bsuivi\b|\bsuivre\b|\bnumero de suivi|\bpas (encore )?(recu|arrive)|\bou en est|\bou est (mon|ma|mes)\b|\bannuler\b/,
  ],
  [
    'shipping',
    /\blivr(er|ez|ons|aison|aisons|ent|ee|ees)\b|\blivraison\w*|\blivrai\w*|\bexpedi\w*|\bexpedie\w*|\benvoi\b|\bfrais de (port|livraison|envoi)|\bdelai\w*|\bcombien de temps|\bexpress\b|\binternational\w*|\ben (belgique|suisse|france|allemagne|espagne)\b|\bau (canada|quebec|luxembourg)\b|\bl etranger|\bport gratuit/,
  ],
  [
    'recommendation',
    /\bconseill\w*|\brecommand\w*|\bsugger\w*|\bsuggestion\w*|\bidee(s)? (de lecture|de livre|cadeau)|\bque (lire|me conseillez)|\bquoi lire|\broman\w*|\bpolar\w*|\bpolicier\w*|\bthriller|\bfantasy|\bfantastique|\bscience fiction|\bbd\b|\bbande(s)? dessinee\w*|\bmanga\w*|\bjeunesse|\bpour (mon|ma) (fils|fille|enfant|neveu|niece|petit)|\bbest seller\w*|\bmeilleures ventes|\bnouveautes|\bbiograph\w*|\bpoesie|\blivre(s)? (de|pour|sur|comme)\b|\bbons? livres?\b|\bhorreur|\bje cherche (un|une|des)\b/,
  ],
  [
    'frustrated',
    /\binutile\w*|\bnul\b|\bnulle\b|\bne sert a rien|\bne m aide(z)? pas|\bn importe quoi|\bj en ai marre|\bras le bol|\bincompetent\w*|\bpas du tout utile|\bc est nul/,
  ],
  ['thanks', /\bmerci|\bmersi|\bje vous remercie|\bc est gentil/],
  [
    'goodbye',
    /\bau revoir|\ba (bientot|plus|demain|la prochaine)|\bbonne (journee|soiree|nuit|fin de journee)|\bc est tout\b|\bciao|\badieu|\bbye\b/,
  ],
  [
    'acknowledge',
    /^((ok(ay)?|d accord|parfait|super|tres bien|entendu|compris|ca marche|top|genial|nickel|daccord|bien) ?){1,3}$/,
  ],
  [
    'greeting',
    /\bbonjour|\bbonsoir|\bsalut\b|\bcoucou|\bca va\b|\bcomment (allez vous|vas tu|ca va)/,
  ],
];

const DE: readonly Rule[] = [
  [
    'handoff',
    /\b(sprechen|reden|verbinden|kontaktieren|schreiben)\b.{0,40}\b(mensch\w*|mitarbeiter\w*|person|kundenservice|kundendienst|support|jemand\w*)|\b(mensch\w*|mitarbeiter\w*|echten person|kundenservice|kundendienst)\b.{0,30}\b(sprechen|reden|verbinden|erreichen)|\becht(en|er) mensch/,
  ],
  [
    'returns',
    /\bru(e)?ckgab\w*|\bru(e)?ck ?send\w*|\bzuru(e)?ck ?(geben|gebe|schicken|schicke|senden|sende|bringen)|\bzuru(e)?ckgeb\w*|\bzuru(e)?cksend\w*|\bzuru(e)?ckschick\w*|\berstatt\w*|\bgeld zuru(e)?ck|\bumtausch\w*|\bbeschadigt\w*|\bbeschaedigt\w*|\bkaputt\w*|\bzerrissen|\beingerissen|\bdefekt\w*|\bfalsche(s|n)? buch|\bwiderruf\w*|\bretour\w*|\breklamation/,
  ],
  ['shipping', /\bwenn ich (heute |jetzt |morgen )?(bestelle|kaufe)/],
  [
    'payment',
    /\bzahl(en|ung|ungen|ungs\w*|t|e|bar)?\b|\bzahlungs\w*|\bbezahl\w*|\bpaypal|\bkreditkarte\w*|\bvisa\b|\bmastercard|\bamerican express|\bamex\b|\bu(e)?berweisung|\brechnung\b|\bnachnahme|\bklarna|\bgirocard|\bec ?karte|\bgutschein\w*|\bdoppelt (abgebucht|belastet|berechnet)|\babgebucht|\bratenzahlung|\blastschrift/,
  ],
  [
    'order_status',
    /\bbestellung\w*|\bbestellnummer|\bbestell ?nr|\bmein(e|en)? (paket|lieferung|sendung|buch|bucher)\b|\bsendungsverfolgung|\bsendungsnummer|\btracking|\bverfolg\w*|\bnoch nicht (angekommen|da|geliefert|bekommen|erhalten)|\bwo (ist|bleibt)\b|\bstornier\w*/,
  ],
  [
    'shipping',
    /\bversand\w*|\bversend\w*|\bverasnd\w*|\bliefer\w*|\bverschick\w*|\bporto\w*|\bexpress\w*|\bwie (lange|schnell)\b|\bschick(t|en) (ihr|sie)|\bnach (deutschland|osterreich|oesterreich|der schweiz|europa|kanada)\b|\bins ausland|\bzustell\w*|\bdauert/,
  ],
  [
    'recommendation',
    /\bwas soll(te)? ich\b.{0,30}\blesen|\bempfehl\w*|\bempfiehl\w*|\bvorschl\w*|\btipp\w*|\bwas (soll|kann|konnte) ich lesen|\bsuche (ein|einen|eine|etwas)\b|\bkrimi\w*|\broman\w*|\bfantasy|\bscience ?fiction|\bthriller|\bbestseller|\bneuerscheinung\w*|\bkinderbu(e)?ch\w*|\bbilderbu(e)?ch\w*|\bfu(e)?r (mein|meine|meinen) (kind|sohn|tochter|enkel\w*|neffen|nichte)|\bbiografie\w*|\bkochbu(e)?ch\w*|\bgedicht\w*|\bliebesroman\w*|\bhorror|\bsachbu(e)?ch\w*|\bratgeber|\bbu(e)?cher (uber|von|fur|wie)|\bbuch (uber|von|fur|wie)\b|\betwas zum lesen|\bgute(s|n)? bu(e)?ch\w*|\blesestoff/,
  ],
  [
    'frustrated',
    /\bnutzlos|\bbringt (doch )?nichts|\bhilft (mir )?(nicht|gar nicht|kein bisschen)|\bsinnlos|\bdumm\w*|\bblod\w*|\bmist\b|\bfrechheit|\bunverschamt|\bkatastroph\w*|\bschlecht\w* (service|bot|hilfe)|\bbringst (mir )?nichts/,
  ],
  ['thanks', /\bdanke|\bdank(e)? schon|\bvielen dank|\bbesten dank|\bdankeschon|\bdange\b/],
  [
    'goodbye',
    /\btschu(e)?ss|\bauf wiedersehen|\bbis (bald|dann|spater|spaeter|morgen)|\bciao\b|\bscho(e)?nen (tag|abend)|\bgute nacht|\bdas wars|\bdas war (alles|es)/,
  ],
  [
    'acknowledge',
    /^((ok(ay)?|alles klar|gut|super|prima|verstanden|in ordnung|passt|jawohl|klar|perfekt|toll|sehr gut) ?){1,3}$/,
  ],
  [
    'greeting',
    /\bhallo|\bguten (tag|morgen|abend)|\bservus|\bmoin\b|\bgru(e)?(ss|s) gott|\bwie geht/,
  ],
];

const RULES: Readonly<Record<ForeignLanguage, readonly Rule[]>> = { es: ES, fr: FR, de: DE };

/** Lowercase, accents and umlauts dropped, ß as ss, punctuation and apostrophes as spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The intent of a message in Spanish, French or German, if one of that language's rules knows it. */
export function foreignIntent(message: string, language: ForeignLanguage): Intent | undefined {
  const folded = fold(message);
  if (folded === '') return undefined;
  return RULES[language].find(([, pattern]) => pattern.test(folded))?.[0];
}

/**
 * The English words a message's topics go by, for what reads the catalog and the help center in
 * English (categories, help-article search): "novela policíaca" -> "mystery".
 */
const GLOSS: Readonly<Record<ForeignLanguage, ReadonlyArray<readonly [RegExp, string]>>> = {
  es: [
    [/\bseguimiento|\brastre\w*|\btransportista|\bpaqueteria/, 'tracking number'],
    [/\bcancel\w*|\banular\b/, 'cancel'],
    [/\bno (me )?ha(n)? llegado|\bretras\w*|\bperdid[oa]\b|\bextraviad\w*/, 'late'],
    [/\bpoliciac\w*|\bnovela negra|\bmisterio\w*|\bdetective\w*|\bcrimen/, 'mystery'],
    [/\bthriller\w*|\bsuspense/, 'thriller'],
    [/\bciencia ficcion|\bcienciaficcion/, 'science fiction'],
    [/\bfantasia\w*|\bfantastic\w*/, 'fantasy'],
    [/\bromantic\w*|\bromance\w*|\bde amor\b/, 'romance'],
    [/\bbiografi\w*|\bmemorias\b/, 'biography'],
    [/\bhistori(a|co|cos|ca|cas)\b/, 'history'],
    [
      /\bninos\b|\bnina\b|\bnino\b|\binfantil\w*|\bhij[oa]s?\b|\bsobrin[oa]s?\b|\bniet[oa]s?\b/,
      'children',
    ],
    [/\bautoayuda|\bdesarrollo personal/, 'self-help'],
    [/\bciencia\b|\bnaturaleza/, 'science'],
    [/\bpoesia|\bpoemas/, 'poetry'],
    [/\bcocina\b|\brecetas?\b|\breposteria/, 'cookbooks'],
    [/\bguias? de viajes?|\blibros? de viajes?/, 'travel guides'],
    [/\bterror\b|\bmiedo\b/, 'horror'],
    [/\bmas vendidos|\bpopulares|\bexito\w*/, 'bestsellers'],
    [/\botros\b|\botro\b|\bmas (libros|titulos|opciones)/, 'more'],
    [/\btarjeta\w* regalo|\bcheque regalo/, 'gift card'],
    [/\benvolver|\benvoltorio|\bpapel de regalo|\bpara regalo/, 'gift wrap'],
    [/\bcontrasena|\biniciar sesion|\bcuenta\b/, 'password sign in account'],
    [/\bboletin|\bnewsletter|\bsuscrib\w*/, 'newsletter discount'],
    [/\btienda fisica|\brecoger\w*|\blibreria\b/, 'store pickup online only'],
    [/\bebook\w*|\blibro\w* electronico\w*|\bkindle|\baudiolibro\w*/, 'ebook printed books'],
    [/\bpreventa|\breserva\w*|\bantes de (que salga|su publicacion)/, 'pre-order'],
    [/\bprecio mas bajo|\bigual(ar|an) (el )?precio|\bmas barato/, 'price match'],
    [/\bdireccion/, 'change delivery address'],
    [/\bgratis|\bgratuito/, 'free shipping'],
    [
      /\binternacional\w*|\bextranjero|\bmexico|\bespana|\bargentina|\beuropa/,
      'international shipping',
    ],
    [/\bcuanto cuesta|\bprecio|\bcoste|\bcosto/, 'cost'],
    [/\bdanad\w*|\broto\b|\bequivocad\w*|\bdefectuos\w*/, 'damaged wrong book'],
    [/\bdinero\b|\breembols\w*|\brembols\w*|\bdevuelven\b|\bme devuelv\w*/, 'refund'],
    [/\bcuanto (tiempo|tarda\w*|demora\w*)|\bcuantos dias|\bcuando\b/, 'how long'],
    [/\baduana\w*|\barancel\w*|\bimpuestos de importacion/, 'import duties international'],
    [/\bregalo\b/, 'gift'],
    [/\bsin (ticket|recibo|factura)/, 'no receipt'],
    [/\bcobr\w* dos veces|\bcargo doble|\bduplicad\w*/, 'charged twice'],
    [/\bmoneda|\bimpuesto\w*|\biva\b|\beuros?\b/, 'currency tax'],
    [/\bhorario|\bcontact\w*|\btelefono|\bcorreo\b/, 'contact support'],
  ],
  fr: [
    [/\bsuivi\b|\bsuivre\b|\btransporteur/, 'tracking number'],
    [/\bannul\w*/, 'cancel'],
    [/\bpas (encore )?(recu|arrive)|\ben retard|\bperdu\w*/, 'late'],
    [/\bpolar\w*|\bpolicier\w*|\bmystere\w*|\benquete\w*|\bdetective\w*/, 'mystery'],
    [/\bthriller\w*|\bsuspense/, 'thriller'],
    [/\bscience fiction|\bsf\b|\bsci fi/, 'science fiction'],
    [/\bfantasy|\bfantastique\w*/, 'fantasy'],
    [/\broman\w* d amour|\bromance\w*|\bromantique\w*/, 'romance'],
    [/\bbiograph\w*|\bmemoires\b/, 'biography'],
    [/\bhistoir(e|es)\b|\bhistorique\w*/, 'history'],
    [
      /\benfant\w*|\bjeunesse|\bfils\b|\bfille\b|\bneveu\b|\bniece\b|\bpetit(e)? (fils|fille)/,
      'children',
    ],
    [/\bdeveloppement personnel|\bpsycho\w*/, 'self-help'],
    [/\bsciences?\b|\bnature\b/, 'science'],
    [/\bpoesie|\bpoemes/, 'poetry'],
    [/\bcuisine\b|\brecettes?\b|\bpatisserie/, 'cookbooks'],
    [/\bguides? de voyage|\b(livres?|recits?) de voyage/, 'travel guides'],
    [/\bhorreur|\bepouvante/, 'horror'],
    [/\bbest seller\w*|\bmeilleures ventes|\bpopulaires?\b|\bsucces\b/, 'bestsellers'],
    [/\bautres?\b|\bencore\b|\bd autres/, 'more'],
    [/\bcarte(s)? cadeau|\bcheque(s)? cadeau|\bbon(s)? d achat/, 'gift card'],
    [/\bpaquets? cadeaux?|\bemball\w*|\bpapier cadeau/, 'gift wrap'],
    [/\bmot de passe|\bconnexion|\bme connecter|\bcompte\b/, 'password sign in account'],
    [/\bnewsletter|\blettre d information|\binscri\w*|\babonn\w*/, 'newsletter discount'],
    [/\bmagasin|\bboutique physique|\bretrait|\bretirer|\blibrairie\b/, 'store pickup online only'],
    [
      /\bebook\w*|\blivre(s)? numerique\w*|\bliseuse|\bkindle|\blivre(s)? audio/,
      'ebook printed books',
    ],
    [/\bprecommande\w*|\bpre commande\w*|\breserv\w*/, 'pre-order'],
    [/\bmoins cher|\balign\w* (les|vos|le) prix/, 'price match'],
    [/adresse/, 'change delivery address'],
    [/\bgratuit\w*|\boffert\w*/, 'free shipping'],
    [
      /\binternational\w*|\betranger|\bbelgique|\bsuisse|\bcanada|\bfrance\b/,
      'international shipping',
    ],
    [/\bcombien (coute|coutent)|\bprix\b|\btarif\w*|\bfrais\b/, 'cost'],
    [/\babime\w*|\bendommag\w*|\bdefectueux|\bmauvais livre|\bpas le bon/, 'damaged wrong book'],
    [/\brembours\w*/, 'refund'],
    [/\bcombien de (temps|jours)|\bquand\b/, 'how long'],
    [/\bdouane\w*|\bdroits d importation/, 'import duties international'],
    [/\bcadeau\b/, 'gift'],
    [/\bsans (ticket|recu|facture)/, 'no receipt'],
    [/\bdebit\w* deux fois|\bdeux fois|\ben double/, 'charged twice'],
    [/\bdevise|\btaxe\w*|\btva\b|\beuros?\b/, 'currency tax'],
    [/\bhoraire\w*|\bcontact\w*|\btelephone|\be ?mail\b/, 'contact support'],
  ],
  de: [
    [
      /\bsendungsverfolgung|\bsendungsnummer|\btracking|\bverfolg\w*|\bpaketdienst/,
      'tracking number',
    ],
    [/\bstornier\w*/, 'cancel'],
    [/\bnicht (angekommen|geliefert)|\bverspat\w*|\bverloren/, 'late'],
    [/\bkrimi\w*|\bdetektiv\w*|\bmord\w*/, 'mystery'],
    [/\bthriller\w*|\bspannung\w*/, 'thriller'],
    [/\bscience ?fiction|\bsci ?fi\b/, 'science fiction'],
    [/\bfantasy\w*/, 'fantasy'],
    [/\bliebesroman\w*|\bromance\w*|\bromantisch\w*|\bliebesgeschicht\w*/, 'romance'],
    [/\bbiografie\w*|\bbiographie\w*|\bmemoiren|\bautobiograf\w*/, 'biography'],
    [/\bgeschichte\b|\bhistorisch\w*|\bgeschichtsbu\w*/, 'history'],
    [/\bkind\w*|\bsohn\b|\btochter\b|\benkel\w*|\bneffe\w*|\bnichte\b|\bbilderbu\w*/, 'children'],
    [/\bratgeber|\bselbsthilfe|\bpersonlichkeitsentwicklung/, 'self-help'],
    [/\bwissenschaft\w*|\bnatur\b|\bsachbu\w*/, 'science'],
    [/\bgedicht\w*|\blyrik/, 'poetry'],
    // German writes the kind inside one word: "Kochbuch", "Backbücher", "Reiseführer".
    [/\bkochbu(e)?ch\w*|\bbackbu(e)?ch\w*|\brezept\w*/, 'cookbooks'],
    [/\breisefu(e)?hrer\w*|\breisebu(e)?ch\w*/, 'travel guides'],
    [/\bhorror\w*|\bgrusel\w*/, 'horror'],
    [/\bbestseller\w*|\bbeliebt\w*|\bmeistverkauft\w*/, 'bestsellers'],
    [/\bmehr\b|\bweitere\w*|\bandere\w*/, 'more'],
    [/\bgutschein\w*|\bgeschenkkarte\w*/, 'gift card'],
    [/\bgeschenkverpack\w*|\bverpack\w*|\beinpack\w*/, 'gift wrap'],
    [/\bpasswort|\banmeld\w*|\beinlogg\w*|\bkonto\b|\bkundenkonto/, 'password sign in account'],
    [/\bnewsletter|\brabatt\w*|\babonnier\w*/, 'newsletter discount'],
    [/\bladen\b|\bfiliale|\babhol\w*|\bbuchhandlung/, 'store pickup online only'],
    [/\be ?book\w*|\bkindle|\bho(e)?rbu(e)?ch\w*|\bdigital\w*/, 'ebook printed books'],
    [/\bvorbestell\w*|\bvorbesteller\w*|\breservier\w*/, 'pre-order'],
    [/\bgu(e)?nstiger|\bpreis ?anpass\w*|\bpreisgarantie/, 'price match'],
    // "Lieferadresse", "Rechnungsadresse": German writes the address inside one word.
    [/adresse/, 'change delivery address'],
    [/\bzoll\w*|\beinfuhr\w*|\bimportgebu\w*/, 'import duties international'],
    [/\bkostenlos\w*|\bgratis|\bversandkostenfrei/, 'free shipping'],
    [
      /\bausland|\binternational\w*|\bdeutschland|\bo(e)?sterreich|\bschweiz|\beuropa/,
      'international shipping',
    ],
    [/\bwas kostet|\bkosten\b|\bpreis\w*|\bversandkosten|\bgebu(e)?hr\w*/, 'cost'],
    [/\bbeschadigt\w*|\bkaputt\w*|\bfalsch\w*|\bfehldruck/, 'damaged wrong book'],
    [/\berstatt\w*|\bgeld zuru(e)?ck/, 'refund'],
    [/\bwie lange|\bwann\b/, 'how long'],
    [/\bgeschenk\w*/, 'gift'],
    [/\bohne (kassenbon|beleg|quittung|rechnung)/, 'no receipt'],
    [/\bdoppelt\w*|\bzweimal/, 'charged twice'],
    [/\bwa(e)?hrung|\bsteuer\w*|\bmwst|\bmehrwertsteuer|\beuro\b/, 'currency tax'],
    [/\bo(e)?ffnungszeit\w*|\bkontakt\w*|\btelefon\w*|\berreich\w*/, 'contact support'],
  ],
};

/** The English topic words a foreign message names, joined; '' when it names none. */
export function englishGloss(message: string, language: ForeignLanguage): string {
  const folded = fold(message);
  return GLOSS[language]
    .filter(([pattern]) => pattern.test(folded))
    .map(([, words]) => words)
    .join(' ');
}
