const words = (list: string): readonly string[] => list.trim().split(/\s+/);

/**
 * The rule vocabulary: concept name -> words. Words are stemmed when the tables are built, so one
 * inflection is enough, though listing several does no harm. Rules refer to a concept as `@name`.
 */
export const LEXICON: Readonly<Record<string, readonly string[]>> = {
  // Function words: never typo-corrected, never counted as extra content.
  stop: words(
    `a an the and or but if of to in on at by for with from about as into onto over under up out
    off than then so too very just also only even still yet again already ever never not no yes
    yeah i me my mine we us our you your yours ya he him his she her it its they them their this
    that these those there here what which who whom whose when where why how is are was were be
    been being am do does did done have has had can could will would shall should may might must
    let want need like please thanks thank know tell show give get got see check help make try
    some any all each every much many more most other another such own same one really well ok
    okay em hm hmm um uh oh`,
  ),

  // Greetings and small talk.
  greet: words(
    `hi hii hello helloo helo hallo heyy hey heya heyo hiya howdy hola bonjour ciao salut aloha
    namaste greetings yo sup wassup wasup whassup wazzup wazup gday shalom`,
  ),
  daytime: words(`morning afternoon evening day`),
  wellbeing: words(`ok okay alright allright good well fine great doing`),
  ongoing: words(`doing going been hanging feeling keeping holding treating`),
  smalltalk: words(
    `there friend friends ai bot chatbot buddy pal mate everyone everybody folks guy guys team
    today dear sir madam maam man dude bro bookstore store shop alright fine great good yes
    wonderful lovely nice morning afternoon evening day doing going hope fellow people world
    assistant robot computer new up things everything life hanging again all glad happy partner
    lately recently salutations salutation fam homie peeps darling sunshine champ boss chief
    amigo yall tonight week weekend sweet pretty mister miss mr mrs ms fella beautiful virtual
    machine program awesome amazing dandy far hoping wishing trust feel feeling busy alive
    bookworm reader readers chap lads ladies gentlemen quick question questions query chat helper
    bookbot bookshop`,
  ),

  // Thanks, goodbyes, acknowledgements and frustration: small talk that is not a greeting.
  thanks: words(`thanks thank thx ty tysm thankyou thanx cheers appreciate appreciated grateful`),
  bye: words(`bye goodbye byebye farewell cya later goodnight adios`),
  ack: words(
    `ok okay k kk cool nice great perfect awesome alright sure understood gotcha lol lmao
    haha hahaha hehe fine excellent brilliant wonderful`,
  ),
  insult: words(
    `useless terrible awful horrible stupid dumb worst rubbish garbage trash pathetic annoying
    frustrating frustrated ridiculous hopeless unhelpful incompetent idiot idiotic sucks hate
    nonsense infuriating`,
  ),

  you: words(`you ya yall ye yourself thee`),
  your: words(`your yours yer`),
  my: words(`my our mine`),
  be: words(`is are was were be been being am r`),
  can: words(`can could possible able allowed way`),

  // Orders and their whereabouts.
  parcel: words(`order orders purchase package parcel shipment delivery item consignment`),
  orderNoun: words(
    `order orders purchase package parcel shipment delivery item consignment book books stuff
    goods product`,
  ),
  track: words(`track tracking trace locate locating follow pinpoint monitor`),
  status: words(`status eta progress whereabouts location`),
  arrive: words(
    `arrive arrival arriving here come coming came deliver delivered sent dispatched shipped
    receive received route way brought`,
  ),
  arriveVerb: words(`arrive arrived receive received deliver delivered come came`),
  trouble: words(`late delayed delay lost missing stuck`),
  orderChange: words(`cancel cancellation change modify edit address invoice receipt`),

  // Shipping.
  ship: words(
    `ship shipping shipment shipped deliver delivery deliveries delivering postage courier
    freight dispatch`,
  ),
  shipAttr: words(
    `time times period duration speed option options method methods modality modalities choice
    cost price fee charge rate policy info information detail details zone country countries
    international internationally day days estimate service company provider type kind timeframe
    window address`,
  ),
  shipAttrBefore: words(
    `option options method methods modality modalities choice cost price fee charge rate policy
    info information detail details type kind period periods countries country estimate speed
    zone`,
  ),
  shipDest: words(
    `to internationally overseas abroad worldwide outside international globally everywhere
    anywhere across`,
  ),
  shipKind: words(
    `free express standard expedited overnight international fast faster same next priority
    economy ground rush quick cheap cheapest`,
  ),
  howLong: words(`long fast quick quickly soon many`),
  pastCue: words(`did has have was been already yet`),
  travel: words(
    `plane planes flight flights fly flying train trains bus drive driving car walk walking ferry
    taxi trip traffic airport boil bake cook heal recover`,
  ),
  notShipping: words(
    `cruise boat sail sailing titanic navy captain pirate spaceship ocean sea battleship crew
    pizza food grocery groceries flower flowers meal takeout baby speech message news lecture
    presentation verdict sermon punchline`,
  ),

  // Returns and refunds.
  refund: words(
    `refund refunds refunded refunding refundable reimburse reimbursement reimbursed rebate
    rebating restitution compensation compensate chargeback moneyback`,
  ),
  money: words(`money funds cash dollars`),
  getMoney: words(
    `get getting receive request ask demand recover reclaim claim obtain recoup return`,
  ),
  moneyBlock: words(
    `atm bank loan borrow invest earn save saving transfer wire exchange convert currency donate
    lend stock stocks tax taxes irs`,
  ),
  return: words(`return returns returned returning`),
  returnObject: words(
    `it this that them these those my the a an book books item items order product purchase
    something gift package parcel novel copy one`,
  ),
  returnNoun: words(
    `policy policies window period label process address form fee instructions procedure request
    option options deadline rule rules condition conditions info information time limit shipping
    guarantee`,
  ),
  returnStart: words(`make start initiate process request submit file open`),
  returnBlock: words(
    `tax taxes flight trip ticket journey favor favour call home work office school car rental
    key value values investment serve tennis ball voyage soon long investments function
    statement`,
  ),
  exchange: words(`exchange swap replace replacement`),
  currency: words(`dollar dollars euro euros currency money rate pound yen`),
  damaged: words(`damaged defective broken torn wrong faulty ripped misprinted`),

  // Payment.
  pay: words(`pay paid paying payment payments payable checkout`),
  payAttr: words(
    `method methods option options modality modalities type types way ways form forms choice plan
    plans mode modes system platform provider gateway accepted available allowed possible info
    information detail details accept currency currencies card cards`,
  ),
  payMethod: words(
    `visa mastercard amex paypal venmo klarna afterpay zelle bitcoin crypto cryptocurrency gpay
    applepay maestro unionpay cheque installment installments card cards credit debit cash`,
  ),
  payBrand: words(
    `visa mastercard amex paypal venmo klarna afterpay zelle bitcoin crypto cryptocurrency gpay
    applepay maestro unionpay installment installments`,
  ),
  accept: words(`accept accepted take use support allow allowed available`),
  payBlock: words(
    `bill bills rent tax taxes salary wage wages paycheck payday loan loans mortgage debt
    attention insurance utility utilities parking toll score limit balance apr interest raise
    overtime employee employer electricity tuition alimony respect respects job jobs worker
    workers teacher teachers doctor doctors hourly earn minimum freelance freelancer nurse
    nurses`,
  ),

  // Recommendations.
  recommend: words(
    `recommend recommendation recommendations recommended suggest suggestion suggestions recs
    advise advice`,
  ),
  book: words(
    `book books novel novels title titles read reads author authors ebook ebooks audiobook
    audiobooks paperback hardcover hardback literature bestseller bestsellers series genre
    genres writer writers`,
  ),
  // Kinds of book a shop shelves: naming one asks for some ("guidebooks for train journeys").
  bookKind: words(
    `cookbook cookbooks guidebook guidebooks poetry poem poems manga mangas comic comics anthology
    anthologies`,
  ),
  readVerb: words(`read reading`),
  // What other readers think of a book: "well reviewed", "most popular", "top rated".
  acclaim: words(
    `reviewed review reviews rated rating ratings starred praised acclaimed loved beloved popular
    favourite favourites favorite favorites trending hyped`,
  ),
  acclaimDegree: words(`most highly well best top highest higher greatest better much`),
  // Who the book is for: "for a teenage girl", "for my dad", "a present for a book lover".
  reader: words(
    `teen teens teenage teenager teenagers girl girls boy boys kid kids child children son sons
    daughter daughters brother brothers sister sisters niece nephew grandson granddaughter grandchild grandkid mum mom mother dad
    father wife husband boyfriend girlfriend grandma grandpa grandmother grandfather toddler
    student students lover lovers reader readers bookworm beginner beginners adult adults
    yearold`,
  ),
  gift: words(`gift gifts present presents stocking`),
  crowd: words(`people everyone everybody customers readers others folks`),
  quality: words(
    `good great best popular top bestselling trending new latest classic famous favorite
    favourite interesting must hot awesome amazing fun nice cool exciting decent recommended
    acclaimed better`,
  ),
  bestseller: words(`bestseller bestsellers bestselling`),
  fondOf: words(`like love enjoy into fan prefer liked loved enjoyed`),
  carry: words(`have got carry sell stock offer`),
  bookAbout: words(`about by like similar featuring written set`),
  browse: words(`looking look searching search hunting browsing`),
  notBook: words(
    `restaurant restaurants movie movies film films tv watch watching binge episode episodes song songs music album band
    wine beer drink recipe recipes hotel place places app apps game games podcast car cars phone
    laptop doctor dentist lawyer school college university vacation holiday destination activity
    activities food dish meal dinner lunch breakfast flight trip insurance stock stocks
    investment diet exercise workout message messages email text news headline headlines meter
    label instructions terms mind palm lips table appointment room tickets ticket reservation
    seat seats hotel taxi uber ride tour spa massage haircut court venue twitter instagram tiktok
    youtube netflix weather stream streaming`,
  ),

  // Out-of-scope support topics: accounts, complaints, people to talk to.
  accountish: words(
    `account accounts password passcode pass pin login logon signin signup username user profile
    registration register newsletter subscription subscribe unsubscribe membership`,
  ),
  // The newsletter is mail the shopper gets, not an order: "where do I order the newsletter".
  newsletter: words(`newsletter newsletters mailinglist unsubscribe`),
  complaint: words(`complaint complain reclamation grievance`),
  human: words(
    `human person agent representative rep operator somebody someone manager supervisor staff
    employee people`,
  ),
  reachOut: words(`talk speak chat contact reach call connect transfer phone`),
  serviceDesk: words(`service services support care assistance team desk department`),
};

/**
 * Concepts whose words a typo may stand for: the topic words customers misspell. Function words and
 * small talk are left out, since a near miss of those is more often another real word.
 */
export const TYPO_CONCEPTS: readonly string[] = [
  'greet',
  'parcel',
  'orderNoun',
  'track',
  'status',
  'arriveVerb',
  'ship',
  'shipAttr',
  'shipAttrBefore',
  'refund',
  'money',
  'return',
  'returnNoun',
  'exchange',
  'damaged',
  'pay',
  'payAttr',
  'payMethod',
  'accept',
  'recommend',
  'book',
  'bestseller',
  'bookKind',
  'acclaim',
  'reader',
  'gift',
  'accountish',
  'newsletter',
  'complaint',
  'human',
  'can',
  'ongoing',
  'wellbeing',
  'daytime',
  'smalltalk',
];

/** Veto lists: a typo is never read as one of their words, so a slip cannot block a rule. */
export const NO_TYPO_CONCEPTS: readonly string[] = [
  'orderChange',
  'travel',
  'notShipping',
  'moneyBlock',
  'returnBlock',
  'currency',
  'payBlock',
  'notBook',
  'pastCue',
];
