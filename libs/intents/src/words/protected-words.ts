/**
 * Real English words within typo distance of a rule word. They are taken as typed, not "corrected"
 * into the rule word ("police" is not "policy", "shopping" is not "shipping", "older" is not
 * "order"). Built from a system word list (/usr/share/dict/american-english) by collecting every
 * word the typo index would otherwise rewrite; protected-words.spec.ts re-checks it on request.
 */
const list = `
    abed abler ablest acceding accent accented accenting accents accessing accompanying accosted
    accosting accountant accrediting acme acmes adjurations adviser advisers against aglow
    agronomy ailed ailing ales alight alighted alighting alights alike aline alined alines alining
    allocations allot allots alloy alloyed alloying alloys alpha alphas ambled ambles ambling
    amino amounted amounting anchoring aright aromatics assailable assisting astrology astronomer
    astronomers astronomic authority authorize authorizing autonomy avoidable axles baaing bale
    baled bales baling balking baring barking basing basking bating baying beaned beaning beans
    beautified beautifies beautifully beautify beautifying beefed beefing beefs beeped beeping
    beeps bees beets betokening biddy biking biographer biographers boobed boobing boobs booed
    booing bookend boomed booming booms boons boors boos booted booting boots boozed boozing
    border bordered bordering borders braking brazening breaded breading breads broadening broke
    broker brokered brokering brokers brooked brooking brooks browning budded budding buoyed
    buoying buoys burying buses bushed bushiness bushing busied buss bussed bussing busted busting
    busts busyness cabled cables cabling cached caching cads caged cages caging caked cakes caking
    callow calmed calming camel camels cameo cameos camp camped camping camps cams canes caped
    capes caps carbs carped carping carps carted carting carts carved carving cased cases cashew
    casing casks casting casts caved caves caving cawed cawing chads chafed chafing chaos chapel
    chaplains chapt charger chargers charmed charming charred charring chars charted charting
    chased chasing checkmated checkmating checkups chef chefs chemists chiefer childless chime
    chimed chimes chiming chimp chimps chips choicer choicest choking chomp chomped chomping
    chomps chops chump chumps clamp clamped clamping clamps claps clashed clashing clime climes
    coalition coalitions coasted coasting coasts coated coating coats cockeyed cocking coded
    coding coed cognition coked cokes coking cold colds colic colts comas combed combing combs
    comely comer comers comet comets commanded commanding commendation commendations commentate
    commentated commentates commentating commuter commuters commutes compacted compacting compared
    comparing compassed compassing competes compilers complacent complainant complainants
    complainer complainers complaisant compliant complied complies complying composers compotes
    compute computed computerize computerized computerizing computes computing condensation
    condensations conditional conditionals conditioned conditioner conditioners conditioning
    conduction cones conic conics conking contrition contrives conviction convictions cooed cooing
    cooker cookers coopered coopering cooping coots coped copes coping corded cording cords cored
    cores coring corking cornered cornering cosmic cotes cots countered countering counties
    counting countrymen county courser courtier courtiers coves cowed cowing cramp cramped
    cramping cramps craps crashed crashing crated crates crating creating cremating cresting cried
    cries crimp crimped crimping crimps crises crooking crypt crypts curds currents cysts daddy
    dandled dandling dared daring darning darting dded dding deadened deadening deadlier deadliest
    deadliness dealing dealings deals deans dearer debars debated debating debut debuted debuting
    debuts deceptive declined declines declining deductive deers defected defecting defection
    defections defensive defiling deliverer deliverers derail derailed derailing derails despatch
    despatched despatches despatching detaching detain detained detaining detains detected
    detecting detection deviling ding directive directives dispatcher dispatchers divesting doling
    doming doping dosing doting dovetailing dozing dreaded dreading dreads dripped duded duding
    duds dues dukes dunes duped dupes duping during dwelled dwelling dwells dying economist
    economists economize economizes educations employe employed employes employing enchanted
    enchanting ergonomics estimator estimators fabled fables faction factions faculty fallow
    fallowed fallowing fallows fantasied fantasize fantasized fantasizes fantasizing farmed
    farming farms farsighted fault faulted faulting faults feeding feeds feeler fell felled
    felling fells fends fictional fielding fiend fiends fifes fighting filed filing finagling
    financial financier find finding finds fined finer finest fining finis finked finking finks
    fins fired firefighting fires firing firmed firming firms fives fixed fixes fixing flotations
    foamed foaming foams folds folksy follower forced forcing forded fording fords fores forged
    forging forked forking forks former forts forums founds freighter freighters frequented
    frequenting friction fried fright frighted frighten frighting frights fringing fueled fueling
    fuels functioned functioning funks gabled gables gads gain gained gaining gains gallows
    gastronomy gays geared gearing gene genes genie genies gentleman gentleness gentlewomen glands
    glared glaring glass glazed glazing glided gliding goaded goading goads gods golds gong goody
    goofed goofing goofs gooks goons goosed goosing goring graded grading grads grated grates
    grating gratings grayed graying grays greased greasing greater greening gripped gruelings
    guaranteed guarantied guaranties guarantor guarantors guaranty guarantying halfbacks hall
    hallow hallowed hallowing hallows halls halo haloed haloing halos handing harboring hardtack
    harpy harrowing hell helms helot helots heros hinging hippy historian historians historically
    hoed hoeing hoes holed holes holing hollowing homed homier homies homiest homing honed hones
    honied honing honoring hooding hooped hooping hording hosed hoses hosing hulas humaner hyped
    hypes hyping hysterical imprinted inced incing indenting infecting infesting informational
    informative ingesting injecting inserting insetting insisting instalment instalments
    instructional instructors intentional intentionally internationalism internationalize
    internationalized internationalizing intestine inventing inverting inviting irreligious
    keeling keening kinda kinder kindled kindling kindred kings kinked kinking kinks labelled
    labelling laddies lades ladles lamely lapel lapels lazies legations leveling levelling
    libations libel libeled libeling libels licit lied lief lies lifer lifers lifted lifting lifts
    limed limes liming lined lines lining literate literates lived lively living locale locales
    locution locutions logic logo logos loin loins lonely loon loons maced maces machinist macing
    maestri maimed maiming maims making males mallow mallows malted malting mama mamas managerial
    manes mange manged manger mangers mangled mangling mango mangos mangy mania manias manna
    mannered mantes mares master mastered mastering masters mastery mated mating matins mats
    matted mattering mattes matting matts maxed maxes maxing mazes memorizing mentored mentoring
    meted metes meting ministering minster miser miseries misers misfiring mistaking misted
    mistier mistiming mistyping miter mitered mitering miters mites moaning modded modding model
    models modem modems moderators modest mods moistening moister molded molding moles moneybag
    moneybags moneymaking mongered mongering monkey monkeyed monkeying monkeys mooed mooing
    mooning moped mopes moping moralities morality mornings mosey moseyed moseying moseys motes
    motioning motoring mourning moved moves moving mowed mowing muster mustered mustering musters
    muted mutes muting muttering mysterious mystifies mystifying navel navels nicer nicest niches
    nicked nicking nicks nieces nines nites nixed nixes nixing noel noels odder older operated
    operates operating operations orated orates orating pacing padded padding pads paging pails
    pained paining pains paired pairing pairs palpating paneling pans papal parable parables
    parcelled parcelling parching pardoning parented parenting paring parleying paroling parson
    parsons passports patented patenting pattered pattering paving pawing peeks peels peers pees
    pensioning peps periling perilling periodic perishing persona personify pervading pets petty
    philosopher philosophers philosophic philosophized philosophizing phonograph phonographs
    photograph photographed photographer photographers photographic photographing photographs
    pickaxing plaids plains planet plank planked planking planks plant planted planting plants
    plated plating playable played playing plays plying poisoning police policed polices policing
    polishing polities polity portage portaged portages portaging portioning portraying ports
    possibly postcodes postdating posturing potion potions pots pottage pouts prated prates
    prating prattling praying predicted predicting prefixing prepaying preps prettied prettifying
    pricey prick pricked pricking pricks pricy pride prided prides priding pried pries prime
    primed primes priming prince princes prize prized prizes prizing proclamation proclamations
    procured procures procuring produce produced producer produces producing productive profaning
    profess profited profiting programer programers programme programmer programmes projected
    projecting promising prorated prorating prostitution protected protecting provide provided
    provident provides providing prowess prowling prying psychologist purchaser purchasers
    puttying raced races racing rafted rafting raged rages raging raked rakes raking ranted
    ranting raped rapes raping rapped rared rares raring rated rating ratings rats ratted ratting
    raved raves raving razed razes razing readied readier ready readying realer reamed reamer
    reamers reaming reams reaped reaper reapers reaping reaps reared rearing rears rebinding
    rebounding receding receiver receivers recessing reciting reclining recoiling recommence
    recommenced recommences recommencing recompensed recompensing recurring reddening redder
    redounding reds reeds refining refueling refusing refuting registrars registry relate related
    relates relating relations relaxation relaxations relaxing relaying relieving religiously
    reliving remanding reminding render rendered rendering renderings renders rending rends
    reordering repaying repealing repeating replayed replaying repleting replying representation
    representations requester requited requiting rerunning reserving resister resisters resistors
    resounding retaining retarding retiring retorting retracing retrying returnee revering
    revisions reviving rewindable rewinding riled riles riling ripper rippled rites roads
    roistered roistering roisters roles romanticism romanticist romanticize romanticized
    romanticizing root rooted rooting roots rounding rubes rubles rued rues ruing ruled ruler
    rulers ruling rulings runes ruses sables salivation sallow salt salted salting salts salvation
    sanitation saps saturation sauted scaly scar scare scared scares scarf scarfed scarfing scarfs
    scaring scarred scarring scars scenting scoped scoping scuff scuffed scuffing scuffs seed
    servile shadowing shamming shaped shaping sheet sheeting sheets shied shies shims shined
    shining shins shipper shits shoed shoeing shoes shooed shooing shoos shore shored shores
    shoring shots shoved shoving signaling signifying silencing sipped sipping sips skeet skipped
    skipping skips slalom slalomed slaloming slaloms slaps sleet sleeted sleeting sleets slipped
    slipping slips sloped sloping slops slut sluts smuggest snaps sniped sniping snipped snipping
    snips snore snored snores snoring snuff snuffed snuffing snuffs snuggest soaped soaping soaps
    sops sore sores spaying sped speedy spend spewed spied spiritualism spiritualist spiritualists
    spiritually spirituous spore spored spores sporing sporting spreed staffed staffer staffing
    staked stakes staking stare stared stares staring statue statues steamed steaming steams steed
    stiff stiffed stiffing stiffs stoke stoked stokes stoking stole stoles stone stoned stones
    stoning stops storey storeys storied stork storks storm stormed storming storms stove stoves
    stowed stowing string stuffed stuffing stuffings stuffy subscriber subscribers suggester
    suggestive summoning superior superiors supervise supervised supervises supervising
    supervision supervisions supervisory supporter supporters supportive supposed supposing
    suppurated suppurating surnames surviving suspected suspecting suspended suspender suspenders
    suspending suspends swabs swags swamped swamping swamps swans swats swayed swaying sways sweat
    sweating sweats sweep sweeping sweeps sweeten sweeter swelled swelling swells swept swiped
    swiping swishing swops swore systemic systemics tack tacked tacking tacks taken taker takers
    taking takings tales tallow tamed tames taming tams tanagers tanked tanking taped tapes taping
    tared tares taring tasked tasking teaks teals teared tearing tears teas teased teasing teats
    teeing teemed teeming teems teensy teeny tees tens terns thinks thins thongs thorns three
    threes thrilled thrilling thrust thrusting thrusts tided tides tiding tied tieing ties tikes
    tile tiled tiles tiling tilled tilling tilted tilting timed timer timers timid timing timings
    tines tings tired tires tiring tithe tithed tithes tithing tittle tittles toady toadying toddy
    toked tokes toking tomes toned toning tons tors torts torus towns tracer tracers tracker tract
    tracts trade traded trades trading trams trance trances treading treads trice triflers tron
    trons truce truces truck trucked trucking trucks truest truss trussed trussing trustee trusty
    tryst trysted trysting trysts turned turning turns tying tykes typed typing typos upstaging
    ushered ushering ushers venom victual victualed victualing victualled victualling victuals
    virtually vised vises vising vistas vivas waiter waiters walled walling wallow wallowed
    wallowing wallows walls washing wasp wasps watering weakened weakening weals weeded weeding
    weeds weeing weeping weeps wees welded welding welds welted weltering welting welts whitening
    whiter widow widowed widowing widows winnow winnowed winnowing winnows wintering withering
    wonderfully word worded wording words wrier wring wringing wrings writhing wronger wrung yawls
    yelled yelling yells zoned zoning zonked
`;

export const PROTECTED_WORDS: readonly string[] = list.trim().split(/\s+/);
