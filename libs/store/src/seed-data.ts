import type { OrderStatus } from './bookstore.repository.js';
/**
 * Demo seed data for the embedded Chapter & Verse Books store: categories, catalogue and orders.
 * Titles, authors, customers and orders are invented (apart from a few public-domain classics);
 * emails use the reserved example.com / example.org / example.net domains.
 */

export interface SeedBook {
  id: number;
  title: string;
  author: string;
  /** One of the CATEGORIES slugs. */
  category: string;
  /** Decimal string with two decimals, e.g. '14.99'. */
  price: string;
  description: string;
  /** One decimal, e.g. '4.5'. */
  rating: string;
  bestseller: boolean;
}

export interface SeedCategory {
  slug: string;
  name: string;
}

export interface SeedOrderItem {
  book_id: number;
  quantity: number;
  /** Equal to the book's price. */
  unit_price: string;
}

export interface SeedOrder {
  /** Six digits, e.g. '123456'. */
  id: string;
  status: OrderStatus;
  customer_email: string;
  /** 'UPS' | 'USPS' | 'FedEx' | 'DHL'; null while processing and for cancelled orders. */
  carrier: string | null;
  tracking_number: string | null;
  /** 'YYYY-MM-DD'; null for cancelled orders. */
  estimated_delivery: string | null;
  created_at: string;
  updated_at: string;
  items: SeedOrderItem[];
}

export const CATEGORIES: readonly SeedCategory[] = [
  { slug: 'fiction', name: 'Fiction' },
  { slug: 'mystery', name: 'Mystery & Thriller' },
  { slug: 'science-fiction', name: 'Science Fiction' },
  { slug: 'fantasy', name: 'Fantasy' },
  { slug: 'romance', name: 'Romance' },
  { slug: 'biography', name: 'Biography & Memoir' },
  { slug: 'history', name: 'History' },
  { slug: 'science', name: 'Science & Nature' },
  { slug: 'self-help', name: 'Self-Help' },
  { slug: 'children', name: "Children's Books" },
];

export const BOOKS: readonly SeedBook[] = [
  // Fiction
  {
    id: 1,
    title: "The Lantern Keeper's Daughter",
    author: 'Margaret Ellwood',
    category: 'fiction',
    price: '16.99',
    description:
      "A lighthouse keeper's daughter on the Cornish coast uncovers her family's buried secrets as a winter storm rolls in from the ocean.",
    rating: '4.5',
    bestseller: true,
  },
  {
    id: 2,
    title: 'A Garden of Small Hours',
    author: 'Tobias Renwick',
    category: 'fiction',
    price: '15.49',
    description:
      'After losing her husband, a retired teacher restores an overgrown walled garden and finds a community of neighbours she never knew she needed.',
    rating: '4.3',
    bestseller: true,
  },
  {
    id: 3,
    title: 'The Weight of Summer Rain',
    author: 'Adaeze Okafor',
    category: 'fiction',
    price: '17.99',
    description:
      'Three sisters return to their childhood home in Lagos for a wedding, where old rivalries and unspoken loves resurface over one sweltering week.',
    rating: '4.6',
    bestseller: false,
  },
  {
    id: 4,
    title: 'Salt and Ember',
    author: 'Hollis Marchetti',
    category: 'fiction',
    price: '14.99',
    description:
      "A young baker in a fading mill town fights to save her grandfather's bakery and discovers that every family recipe carries a story worth keeping.",
    rating: '4.1',
    bestseller: false,
  },
  {
    id: 5,
    title: 'Middlemarch',
    author: 'George Eliot',
    category: 'fiction',
    price: '11.99',
    description:
      'A sweeping portrait of provincial English life, following idealistic Dorothea Brooke and the ambitious doctor Lydgate through marriage and reform.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 6,
    title: 'The Cartographer of Quiet Streets',
    author: 'Ines Valdoria',
    category: 'fiction',
    price: '18.99',
    description:
      'An elderly mapmaker in Lisbon redraws the city as his memory fades, while his granddaughter races to record his stories before they are lost.',
    rating: '4.4',
    bestseller: false,
  },
  {
    id: 7,
    title: 'Northbound Sleeper',
    author: 'Declan Hartigan',
    category: 'fiction',
    price: '13.99',
    description:
      'Two strangers share a sleeper compartment on an overnight train across Scotland and trade the confessions they have never told anyone else.',
    rating: '3.9',
    bestseller: false,
  },
  // Mystery & Thriller
  {
    id: 8,
    title: 'The Hound of the Baskervilles',
    author: 'Arthur Conan Doyle',
    category: 'mystery',
    price: '9.99',
    description:
      'Sherlock Holmes and Dr. Watson investigate a family curse and a spectral hound haunting the misty moors of Dartmoor in this classic detective tale.',
    rating: '4.6',
    bestseller: true,
  },
  {
    id: 9,
    title: 'Murder at Millbrook Manor',
    author: 'Harriet Pembroke',
    category: 'mystery',
    price: '14.99',
    description:
      'When a wealthy collector is found dead in a locked library, retired detective Agnes Whitlow must unmask the killer among his scheming heirs.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 10,
    title: 'The Harrow Street Witness',
    author: 'Rafael Corrigan',
    category: 'mystery',
    price: '16.99',
    description:
      'A defence lawyer takes a murder case whose only witness refuses to speak, and uncovers a crime conspiracy reaching deep into the city police.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 11,
    title: 'The Ice Below Skarvik',
    author: 'Signe Halvorsen',
    category: 'mystery',
    price: '15.99',
    description:
      'Detective Inspector Mari Lund hunts a killer through a frozen Norwegian fishing village, where every neighbour seems to be hiding something.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 12,
    title: 'A Dead Man in the Marais',
    author: 'Colette Duvernay',
    category: 'mystery',
    price: '17.49',
    description:
      'In 1920s Paris, a jazz pianist turned amateur detective investigates the death of a wealthy patron found floating in the Seine at dawn.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 13,
    title: 'The Fifth Passenger',
    author: 'Garrett Voss',
    category: 'mystery',
    price: '18.99',
    description:
      'A crime reporter on a night flight to Berlin realises one passenger is not on the manifest, sparking a tense thriller at thirty thousand feet.',
    rating: '4.4',
    bestseller: true,
  },
  {
    id: 14,
    title: 'Bitter Almonds',
    author: 'Priya Raman',
    category: 'mystery',
    price: '12.99',
    description:
      'Pharmacist turned sleuth Leela Iyer follows a trail of poisoned letters through a sleepy hill town in a witty, cosy crime mystery.',
    rating: '3.9',
    bestseller: false,
  },
  // Science Fiction
  {
    id: 15,
    title: 'The Time Machine',
    author: 'H. G. Wells',
    category: 'science-fiction',
    price: '8.99',
    description:
      'A Victorian inventor travels to the year 802,701 and discovers humanity divided between the gentle Eloi and the subterranean Morlocks.',
    rating: '4.1',
    bestseller: false,
  },
  {
    id: 16,
    title: 'The Long Dark Between Stars',
    author: 'Naomi Achterberg',
    category: 'science-fiction',
    price: '19.99',
    description:
      'The crew of a generation ship wakes from cryosleep three centuries early and must decide whether to trust the AI steering them through deep space.',
    rating: '4.7',
    bestseller: true,
  },
  {
    id: 17,
    title: 'Red Dust Protocol',
    author: 'Kenji Arakawa',
    category: 'science-fiction',
    price: '16.49',
    description:
      'On the first Mars colony, an engineer investigates a string of sabotage incidents that threaten to strand two thousand settlers on the red planet.',
    rating: '4.4',
    bestseller: true,
  },
  {
    id: 18,
    title: 'Echoes of Andromeda',
    author: 'Lena Vasquez-Hart',
    category: 'science-fiction',
    price: '17.99',
    description:
      "A linguist aboard a diplomatic starship decodes an alien signal, only to learn the message is a warning sent from humanity's own future.",
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 19,
    title: 'The Clockwork Republic',
    author: 'Osric Penhallow',
    category: 'science-fiction',
    price: '15.99',
    description:
      'In an alternate London run by steam-powered automatons, a young mechanic sparks a robot uprising that could topple the empire.',
    rating: '3.9',
    bestseller: false,
  },
  {
    id: 20,
    title: 'Tidewater Station',
    author: 'Mirela Constantin',
    category: 'science-fiction',
    price: '18.49',
    description:
      'Scientists in a research habitat on the ocean floor of a flooded Earth pick up a signal from something vast moving in the deep.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 21,
    title: 'The Parallax Engine',
    author: 'Dev Malhotra',
    category: 'science-fiction',
    price: '16.99',
    description:
      'A physicist builds a device that lets her glimpse parallel worlds, then discovers another version of herself is trying to get out.',
    rating: '4.5',
    bestseller: false,
  },
  // Fantasy
  {
    id: 22,
    title: 'The Last Dragon of Emberfall',
    author: 'Rowena Ashcombe',
    category: 'fantasy',
    price: '24.99',
    description:
      "A stable girl bonds with the last dragon in the kingdom and must protect it from the king's hunters in this soaring epic of fire and loyalty.",
    rating: '4.8',
    bestseller: true,
  },
  {
    id: 23,
    title: 'A Crown of Ash and Ivy',
    author: 'Elspeth Mornington',
    category: 'fantasy',
    price: '21.99',
    description:
      'Exiled princess Ysolde forges an uneasy alliance with a rogue sorcerer to reclaim her throne from the usurper who murdered her family.',
    rating: '4.4',
    bestseller: true,
  },
  {
    id: 24,
    title: 'The Wizard of the Salt Marshes',
    author: 'Alaric Thornbury',
    category: 'fantasy',
    price: '16.99',
    description:
      'An apprentice wizard with a stolen spellbook must stop a tide of ancient magic rising from the marshes before it swallows her village.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 25,
    title: 'The Song Beneath the Mountain',
    author: 'Tamsin Vale',
    category: 'fantasy',
    price: '17.49',
    description:
      'Dwarven miners wake a singing stone deep beneath the mountain, and its melody draws a long-forgotten war back into the world above.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 26,
    title: "The Moonweaver's Bargain",
    author: 'Imogen Blackwood',
    category: 'fantasy',
    price: '15.99',
    description:
      'A weaver who can stitch dreams into cloth strikes a dangerous bargain with the fae queen to wake her brother from an enchanted sleep.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 27,
    title: 'The Princess and the Goblin',
    author: 'George MacDonald',
    category: 'fantasy',
    price: '8.99',
    description:
      "Princess Irene and the miner's boy Curdie uncover a plot by the goblins living beneath the mountain in this Victorian fairy tale classic.",
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 28,
    title: 'Ironbark and the Storm Crown',
    author: 'Fennick Larkspur',
    category: 'fantasy',
    price: '22.99',
    description:
      'A mercenary knight and a talking raven carry a cursed crown across a realm torn by war, pursued by storm spirits and an army of the dead.',
    rating: '4.5',
    bestseller: false,
  },
  // Romance
  {
    id: 29,
    title: 'Pride and Prejudice',
    author: 'Jane Austen',
    category: 'romance',
    price: '9.99',
    description:
      "Elizabeth Bennet spars with the proud Mr. Darcy in Austen's witty, beloved novel of manners, marriage and first impressions in Regency England.",
    rating: '4.8',
    bestseller: true,
  },
  {
    id: 30,
    title: 'Love Letters from Provence',
    author: 'Camille Beaumont',
    category: 'romance',
    price: '13.99',
    description:
      'A London florist inherits a lavender farm in Provence and a box of old love letters that lead her to a brooding local winemaker.',
    rating: '4.2',
    bestseller: true,
  },
  {
    id: 31,
    title: 'The Little Bookshop on Larkspur Lane',
    author: 'Hattie Greenaway',
    category: 'romance',
    price: '12.99',
    description:
      'Two rival booksellers on the same cobbled street discover that their anonymous online pen pal is the person working across the road.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 32,
    title: 'Summer at Seabreeze Cove',
    author: 'Juliet Ashdown',
    category: 'romance',
    price: '11.49',
    description:
      'A burnt-out chef spends one summer running a beach cafe by the ocean and falls for the lifeguard who swears he will never leave town.',
    rating: '3.9',
    bestseller: false,
  },
  {
    id: 33,
    title: "The Portraitist's Promise",
    author: 'Rosalind Fairchild',
    category: 'romance',
    price: '14.49',
    description:
      'A Regency heiress flees an arranged marriage for Paris, where a disgraced artist paints her portrait and slowly steals her heart.',
    rating: '4.1',
    bestseller: false,
  },
  {
    id: 34,
    title: 'Second Chance at Maple Ridge',
    author: 'Brooke Halloway',
    category: 'romance',
    price: '10.99',
    description:
      'Ten years after a broken engagement, a veterinarian returns to her hometown and finds her former fiance running the rival animal clinic.',
    rating: '3.8',
    bestseller: false,
  },
  {
    id: 35,
    title: 'Persuasion',
    author: 'Jane Austen',
    category: 'romance',
    price: '9.49',
    description:
      "Anne Elliot meets again the naval captain she was persuaded to refuse years before, in Austen's tender story of second chances and constant love.",
    rating: '4.5',
    bestseller: false,
  },
  // Biography & Memoir
  {
    id: 36,
    title: 'Narrative of the Life of Frederick Douglass',
    author: 'Frederick Douglass',
    category: 'biography',
    price: '8.99',
    description:
      'Frederick Douglass recounts his life in slavery, his secret self-education and his escape to freedom in this powerful and influential memoir.',
    rating: '4.8',
    bestseller: true,
  },
  {
    id: 37,
    title: 'Kitchen Lessons: A Life in Twelve Recipes',
    author: 'Marguerite Dufresne',
    category: 'biography',
    price: '27.99',
    description:
      "A celebrated chef traces her path from her grandmother's farmhouse kitchen in Normandy to running an acclaimed restaurant in Paris.",
    rating: '4.4',
    bestseller: true,
  },
  {
    id: 38,
    title: "Between Two Horizons: A Pilot's Memoir",
    author: 'Ruth Abernathy',
    category: 'biography',
    price: '26.99',
    description:
      'A former test pilot and astronaut reflects on dangerous flights, six months living in space and the family she left waiting on the ground.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 39,
    title: 'The Autobiography of Benjamin Franklin',
    author: 'Benjamin Franklin',
    category: 'biography',
    price: '9.49',
    description:
      "Franklin's own account of his rise from runaway printer's apprentice to scientist, inventor, diplomat and founding father of the United States.",
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 40,
    title: 'Notes from the Night Shift',
    author: 'Emeka Nwosu',
    category: 'biography',
    price: '17.99',
    description:
      'An emergency room nurse shares funny, harrowing and deeply human stories from twenty years of caring for strangers after midnight.',
    rating: '4.5',
    bestseller: false,
  },
  {
    id: 41,
    title: 'Brushstrokes in the Fog: The Life of Elin Marsh',
    author: 'Catherine Lowell-Briggs',
    category: 'biography',
    price: '32.99',
    description:
      'A vivid biography of the self-taught painter whose foggy harbour scenes went unnoticed in her lifetime and now hang in great museums.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 42,
    title: 'Running Uphill',
    author: 'Danny Maguire',
    category: 'biography',
    price: '16.49',
    description:
      'An ultramarathon runner recounts how he went from rock bottom to the finish line of a hundred-mile race across the desert.',
    rating: '3.7',
    bestseller: false,
  },
  // History
  {
    id: 43,
    title: 'The Last Days of the Republic: Rome, 49 BC',
    author: 'Alistair Wainwright',
    category: 'history',
    price: '29.99',
    description:
      'A gripping narrative history of the civil war between Caesar and Pompey, and how a republic of five centuries collapsed in a single generation.',
    rating: '4.5',
    bestseller: true,
  },
  {
    id: 44,
    title: 'Empires of Silk and Salt',
    author: 'Yasmin Haddad',
    category: 'history',
    price: '34.99',
    description:
      'A panoramic history of the Silk Road, following the merchants, monks and mapmakers who linked China, Persia and Europe over two thousand years.',
    rating: '4.6',
    bestseller: true,
  },
  {
    id: 45,
    title: 'Mud and Iron: The Western Front, 1916',
    author: 'Gerald Ashworth',
    category: 'history',
    price: '27.49',
    description:
      'Drawing on letters and diaries, this history brings the trenches of the First World War to life through the voices of the soldiers who fought.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 46,
    title: 'The History of the Peloponnesian War',
    author: 'Thucydides',
    category: 'history',
    price: '12.99',
    description:
      "The Athenian general's classic account of the long war between Athens and Sparta, a founding work of history and political thought.",
    rating: '4.1',
    bestseller: false,
  },
  {
    id: 47,
    title: 'Harbours of the North: The Viking Age at Sea',
    author: 'Ingrid Solberg',
    category: 'history',
    price: '24.99',
    description:
      'How Norse shipbuilders, traders and raiders crossed the North Atlantic ocean, from the fjords of Norway to Iceland, Greenland and beyond.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 48,
    title: 'Paris Under Siege, 1870',
    author: 'Henriette Morel',
    category: 'history',
    price: '21.99',
    description:
      'The dramatic story of the Prussian siege of Paris, when a starving city ate its zoo animals and sent letters to the world by balloon.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 49,
    title: 'Daughters of the Loom',
    author: 'Abigail Forsythe',
    category: 'history',
    price: '19.99',
    description:
      "A social history of the young women who worked in New England textile mills and led some of America's first labour strikes.",
    rating: '3.8',
    bestseller: false,
  },
  // Science & Nature
  {
    id: 50,
    title: 'Under the Forest Floor: The Hidden Kingdom of Fungi',
    author: 'Miriam Castellanos',
    category: 'science',
    price: '26.99',
    description:
      'A mycologist reveals how fungal networks connect trees, feed forests and may hold the key to new medicines and climate solutions.',
    rating: '4.6',
    bestseller: true,
  },
  {
    id: 51,
    title: "Glow in the Deep: Life in the Ocean's Twilight",
    author: 'Theo Marlowe',
    category: 'science',
    price: '24.99',
    description:
      'A marine biologist dives into the dim middle layer of the ocean, home to glowing squid, vast nightly migrations and creatures still unnamed.',
    rating: '4.5',
    bestseller: true,
  },
  {
    id: 52,
    title: 'Stardust and Gravity: A Short Tour of the Universe',
    author: 'Anil Mehrotra',
    category: 'science',
    price: '18.99',
    description:
      'An astrophysicist explains black holes, dark matter and why space itself is expanding, in clear and joyful prose for curious stargazers.',
    rating: '4.4',
    bestseller: false,
  },
  {
    id: 53,
    title: 'On the Origin of Species',
    author: 'Charles Darwin',
    category: 'science',
    price: '12.99',
    description:
      "Darwin's landmark 1859 work setting out the theory of evolution by natural selection, drawn from his studies of finches, pigeons and fossils.",
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 54,
    title: 'The Honeybee Year',
    author: 'Clara Whitmore',
    category: 'science',
    price: '16.99',
    description:
      "Follow a single hive through four seasons in a beekeeper's garden and learn how bees communicate, navigate and keep our crops alive.",
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 55,
    title: 'Storm Season: The Science of Extreme Weather',
    author: 'Owen Trelawney',
    category: 'science',
    price: '22.49',
    description:
      'A meteorologist explains hurricanes, heatwaves and floods, and what a warming climate means for the storms of the coming century.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 56,
    title: 'Feathered Minds: The Surprising Intelligence of Birds',
    author: 'Beatrix Hollander',
    category: 'science',
    price: '19.49',
    description:
      'From tool-making crows to parrots that count, a naturalist explores the science of bird intelligence and what it teaches us about ourselves.',
    rating: '4.1',
    bestseller: false,
  },
  // Self-Help
  {
    id: 57,
    title: 'Small Steps, Big Life',
    author: 'Jordan Whitfield',
    category: 'self-help',
    price: '17.99',
    description:
      'A practical guide to building habits that stick, with simple daily exercises for better focus, sleep, fitness and a calmer mind.',
    rating: '4.3',
    bestseller: true,
  },
  {
    id: 58,
    title: 'The Unhurried Mind',
    author: 'Anika Sorensen',
    category: 'self-help',
    price: '16.99',
    description:
      'A psychologist offers gentle techniques for easing anxiety, slowing down and practising mindfulness in a world that never seems to stop.',
    rating: '4.5',
    bestseller: true,
  },
  {
    id: 59,
    title: 'Money Without Fear',
    author: 'Terrence Baptiste',
    category: 'self-help',
    price: '18.49',
    description:
      'A straightforward plan for paying off debt, budgeting without guilt and investing for the future, written for people who hate spreadsheets.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 60,
    title: 'Meditations',
    author: 'Marcus Aurelius',
    category: 'self-help',
    price: '7.99',
    description:
      "The Roman emperor's private reflections on duty, resilience and calm, still one of the most practical guides to Stoic philosophy ever written.",
    rating: '4.7',
    bestseller: false,
  },
  {
    id: 61,
    title: 'Boundaries Without Guilt',
    author: 'Lydia Carrow',
    category: 'self-help',
    price: '14.99',
    description:
      'Learn to say no at work and at home without guilt, and reclaim the time and energy you need for the people and goals that matter most.',
    rating: '3.9',
    bestseller: false,
  },
  {
    id: 62,
    title: 'Thinking in Seasons',
    author: 'Graham Oduya',
    category: 'self-help',
    price: '15.99',
    description:
      'Borrowing lessons from the farm and the garden, this book shows how to plan your career and growth around natural cycles of effort and rest.',
    rating: '4.0',
    bestseller: false,
  },
  {
    id: 63,
    title: 'The Confident Speaker',
    author: 'Rosa Delgado-Wynn',
    category: 'self-help',
    price: '13.49',
    description:
      'Overcome stage fright and speak with clarity, with step-by-step advice for presentations, job interviews and difficult conversations.',
    rating: '3.8',
    bestseller: false,
  },
  // Children's Books
  {
    id: 64,
    title: 'Pip the Brave Little Penguin',
    author: 'Hazel Brightwater',
    category: 'children',
    price: '8.99',
    description:
      'A tiny penguin who is afraid of the water sets out across the ice to find his lost friend, and learns that courage comes in all sizes.',
    rating: '4.7',
    bestseller: true,
  },
  {
    id: 65,
    title: 'The Secret Garden',
    author: 'Frances Hodgson Burnett',
    category: 'children',
    price: '8.99',
    description:
      "Orphaned Mary Lennox discovers a locked, forgotten garden on her uncle's Yorkshire estate and, with two unlikely friends, brings it back to life.",
    rating: '4.8',
    bestseller: true,
  },
  {
    id: 66,
    title: 'Milo and the Midnight Museum',
    author: 'Jasper Quill',
    category: 'children',
    price: '10.99',
    description:
      'When the lights go out, the dinosaurs and mummies of the city museum come alive, and only eight-year-old Milo can help them home before dawn.',
    rating: '4.4',
    bestseller: false,
  },
  {
    id: 67,
    title: "The Dragon Who Couldn't Roar",
    author: 'Poppy Fenwick',
    category: 'children',
    price: '9.99',
    description:
      'A shy little dragon who can only hiccup bubbles finds her own special way to save the village in this warm and funny picture book.',
    rating: '4.3',
    bestseller: false,
  },
  {
    id: 68,
    title: 'Captain Kiko and the Space Pirates',
    author: 'Tomasz Wren',
    category: 'children',
    price: '11.99',
    description:
      'Young Kiko builds a rocket from cardboard boxes and blasts off into space, where a crew of silly pirates needs her help to find their way home.',
    rating: '4.2',
    bestseller: false,
  },
  {
    id: 69,
    title: "Alice's Adventures in Wonderland",
    author: 'Lewis Carroll',
    category: 'children',
    price: '7.99',
    description:
      'Alice follows a white rabbit down a hole into a topsy-turvy world of mad tea parties, grinning cats and a furious Queen of Hearts.',
    rating: '4.5',
    bestseller: false,
  },
  {
    id: 70,
    title: "Ollie's Big Ocean Adventure",
    author: 'Marisol Benedetti',
    category: 'children',
    price: '9.49',
    description:
      'A curious sea turtle explores coral reefs, kelp forests and the deep ocean in a colourful story about protecting the creatures of the sea.',
    rating: '4.1',
    bestseller: false,
  },
];

export const ORDERS: readonly SeedOrder[] = [
  {
    id: '123456',
    status: 'shipped',
    customer_email: 'jane.doe@example.com',
    carrier: 'UPS',
    tracking_number: '1Z4F82A70391846257',
    estimated_delivery: '2026-11-27',
    created_at: '2026-11-19T14:22:05Z',
    updated_at: '2026-11-21T09:10:44Z',
    items: [
      { book_id: 2, quantity: 1, unit_price: '15.49' },
      { book_id: 22, quantity: 1, unit_price: '24.99' },
    ],
  },
  {
    id: '234567',
    status: 'delivered',
    customer_email: 'sam.lee@example.org',
    carrier: 'USPS',
    tracking_number: '9400111899223344556677',
    estimated_delivery: '2026-11-12',
    created_at: '2026-11-05T10:15:00Z',
    updated_at: '2026-11-12T16:48:31Z',
    items: [
      { book_id: 8, quantity: 1, unit_price: '9.99' },
      { book_id: 9, quantity: 1, unit_price: '14.99' },
    ],
  },
  {
    id: '345678',
    status: 'processing',
    customer_email: 'alex.kim@example.net',
    carrier: null,
    tracking_number: null,
    estimated_delivery: '2026-11-28',
    created_at: '2026-11-22T18:40:12Z',
    updated_at: '2026-11-23T08:05:37Z',
    items: [{ book_id: 16, quantity: 1, unit_price: '19.99' }],
  },
  {
    id: '456789',
    status: 'in_transit',
    customer_email: 'maria.garcia@example.com',
    carrier: 'FedEx',
    tracking_number: '784512309876',
    estimated_delivery: '2026-11-25',
    created_at: '2026-11-18T11:02:49Z',
    updated_at: '2026-11-22T21:37:10Z',
    items: [
      { book_id: 29, quantity: 1, unit_price: '9.99' },
      { book_id: 30, quantity: 1, unit_price: '13.99' },
      { book_id: 35, quantity: 1, unit_price: '9.49' },
    ],
  },
  {
    id: '567890',
    status: 'cancelled',
    customer_email: 'tom.brown@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: null,
    created_at: '2026-11-10T09:30:00Z',
    updated_at: '2026-11-10T15:12:26Z',
    items: [{ book_id: 43, quantity: 1, unit_price: '29.99' }],
  },
  {
    id: '678901',
    status: 'returned',
    customer_email: 'li.wei@example.org',
    carrier: 'DHL',
    tracking_number: '4829163057',
    estimated_delivery: '2026-10-24',
    created_at: '2026-10-16T13:45:22Z',
    updated_at: '2026-11-03T10:20:15Z',
    items: [
      { book_id: 50, quantity: 1, unit_price: '26.99' },
      { book_id: 54, quantity: 2, unit_price: '16.99' },
    ],
  },
  {
    id: '100231',
    status: 'delivered',
    customer_email: 'priya.patel@example.net',
    carrier: 'USPS',
    tracking_number: '9261290100130435082163',
    estimated_delivery: '2026-10-09',
    created_at: '2026-10-03T08:12:40Z',
    updated_at: '2026-10-09T17:03:11Z',
    items: [
      { book_id: 64, quantity: 1, unit_price: '8.99' },
      { book_id: 67, quantity: 1, unit_price: '9.99' },
      { book_id: 69, quantity: 1, unit_price: '7.99' },
    ],
  },
  {
    id: '104872',
    status: 'processing',
    customer_email: 'daniel.okoro@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: '2026-11-30',
    created_at: '2026-11-23T06:14:09Z',
    updated_at: '2026-11-23T07:02:55Z',
    items: [
      { book_id: 57, quantity: 1, unit_price: '17.99' },
      { book_id: 58, quantity: 1, unit_price: '16.99' },
    ],
  },
  {
    id: '117530',
    status: 'shipped',
    customer_email: 'emma.schmidt@example.org',
    carrier: 'FedEx',
    tracking_number: '612948305172',
    estimated_delivery: '2026-11-26',
    created_at: '2026-11-20T16:31:27Z',
    updated_at: '2026-11-22T10:44:03Z',
    items: [{ book_id: 44, quantity: 1, unit_price: '34.99' }],
  },
  {
    id: '129064',
    status: 'in_transit',
    customer_email: 'noah.martin@example.net',
    carrier: 'UPS',
    tracking_number: '1Z9X27E10468315092',
    estimated_delivery: '2026-11-26',
    created_at: '2026-11-17T12:08:51Z',
    updated_at: '2026-11-22T05:19:36Z',
    items: [
      { book_id: 17, quantity: 1, unit_price: '16.49' },
      { book_id: 21, quantity: 1, unit_price: '16.99' },
    ],
  },
  {
    id: '131987',
    status: 'cancelled',
    customer_email: 'olivia.rossi@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: null,
    created_at: '2026-10-27T19:55:14Z',
    updated_at: '2026-10-28T08:31:02Z',
    items: [{ book_id: 31, quantity: 2, unit_price: '12.99' }],
  },
  {
    id: '142615',
    status: 'returned',
    customer_email: 'lucas.silva@example.org',
    carrier: 'USPS',
    tracking_number: '9405511206213847290156',
    estimated_delivery: '2026-10-20',
    created_at: '2026-10-13T09:47:30Z',
    updated_at: '2026-10-31T14:26:48Z',
    items: [{ book_id: 59, quantity: 1, unit_price: '18.49' }],
  },
  {
    id: '158340',
    status: 'delivered',
    customer_email: 'hannah.cohen@example.net',
    carrier: 'DHL',
    tracking_number: '7316058294',
    estimated_delivery: '2026-11-06',
    created_at: '2026-10-29T15:20:18Z',
    updated_at: '2026-11-05T12:41:57Z',
    items: [
      { book_id: 36, quantity: 1, unit_price: '8.99' },
      { book_id: 39, quantity: 1, unit_price: '9.49' },
    ],
  },
  {
    id: '163728',
    status: 'shipped',
    customer_email: 'ethan.wright@example.com',
    carrier: 'USPS',
    tracking_number: '9374869903500128746315',
    estimated_delivery: '2026-11-28',
    created_at: '2026-11-19T20:03:44Z',
    updated_at: '2026-11-21T13:27:19Z',
    items: [
      { book_id: 25, quantity: 1, unit_price: '17.49' },
      { book_id: 26, quantity: 1, unit_price: '15.99' },
      { book_id: 28, quantity: 1, unit_price: '22.99' },
    ],
  },
  {
    id: '176205',
    status: 'in_transit',
    customer_email: 'sofia.novak@example.org',
    carrier: 'DHL',
    tracking_number: '5902734816',
    estimated_delivery: '2026-11-27',
    created_at: '2026-11-16T07:38:25Z',
    updated_at: '2026-11-22T16:54:08Z',
    items: [{ book_id: 12, quantity: 1, unit_price: '17.49' }],
  },
  {
    id: '189451',
    status: 'processing',
    customer_email: 'jane.doe@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: '2026-12-02',
    created_at: '2026-11-22T21:17:33Z',
    updated_at: '2026-11-23T09:48:20Z',
    items: [
      { book_id: 65, quantity: 1, unit_price: '8.99' },
      { book_id: 70, quantity: 1, unit_price: '9.49' },
    ],
  },
  {
    id: '201396',
    status: 'delivered',
    customer_email: 'james.oconnor@example.net',
    carrier: 'UPS',
    tracking_number: '1Z7R63W40215879364',
    estimated_delivery: '2026-10-17',
    created_at: '2026-10-11T11:26:07Z',
    updated_at: '2026-10-16T18:02:39Z',
    items: [
      { book_id: 45, quantity: 1, unit_price: '27.49' },
      { book_id: 47, quantity: 1, unit_price: '24.99' },
    ],
  },
  {
    id: '214783',
    status: 'returned',
    customer_email: 'chloe.dubois@example.com',
    carrier: 'FedEx',
    tracking_number: '398120476533',
    estimated_delivery: '2026-10-30',
    created_at: '2026-10-22T17:09:58Z',
    updated_at: '2026-11-09T11:35:42Z',
    items: [{ book_id: 33, quantity: 1, unit_price: '14.49' }],
  },
  {
    id: '227019',
    status: 'cancelled',
    customer_email: 'ryan.nguyen@example.org',
    carrier: null,
    tracking_number: null,
    estimated_delivery: null,
    created_at: '2026-11-14T13:51:16Z',
    updated_at: '2026-11-15T09:04:27Z',
    items: [
      { book_id: 18, quantity: 1, unit_price: '17.99' },
      { book_id: 19, quantity: 1, unit_price: '15.99' },
    ],
  },
  {
    id: '238564',
    status: 'shipped',
    customer_email: 'grace.mitchell@example.net',
    carrier: 'DHL',
    tracking_number: '2847561093',
    estimated_delivery: '2026-12-01',
    created_at: '2026-11-21T10:36:02Z',
    updated_at: '2026-11-22T19:58:45Z',
    items: [
      { book_id: 52, quantity: 1, unit_price: '18.99' },
      { book_id: 56, quantity: 1, unit_price: '19.49' },
    ],
  },
  {
    id: '249170',
    status: 'in_transit',
    customer_email: 'sam.lee@example.org',
    carrier: 'USPS',
    tracking_number: '9400136897846352019487',
    estimated_delivery: '2026-11-25',
    created_at: '2026-11-17T08:59:41Z',
    updated_at: '2026-11-21T22:16:13Z',
    items: [
      { book_id: 10, quantity: 1, unit_price: '16.99' },
      { book_id: 14, quantity: 1, unit_price: '12.99' },
    ],
  },
  {
    id: '253908',
    status: 'processing',
    customer_email: 'omar.haddad@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: '2026-12-04',
    created_at: '2026-11-23T02:27:50Z',
    updated_at: '2026-11-23T03:11:26Z',
    items: [
      { book_id: 46, quantity: 1, unit_price: '12.99' },
      { book_id: 48, quantity: 1, unit_price: '21.99' },
      { book_id: 49, quantity: 1, unit_price: '19.99' },
    ],
  },
  {
    id: '266412',
    status: 'delivered',
    customer_email: 'isabel.torres@example.org',
    carrier: 'FedEx',
    tracking_number: '805317264940',
    estimated_delivery: '2026-11-14',
    created_at: '2026-11-07T14:44:13Z',
    updated_at: '2026-11-13T15:29:50Z',
    items: [
      { book_id: 3, quantity: 1, unit_price: '17.99' },
      { book_id: 6, quantity: 1, unit_price: '18.99' },
    ],
  },
  {
    id: '271853',
    status: 'returned',
    customer_email: 'ben.carter@example.net',
    carrier: 'UPS',
    tracking_number: '1Z3V09K85172640318',
    estimated_delivery: '2026-11-04',
    created_at: '2026-10-28T12:18:36Z',
    updated_at: '2026-11-16T09:53:04Z',
    items: [
      { book_id: 60, quantity: 1, unit_price: '7.99' },
      { book_id: 61, quantity: 1, unit_price: '14.99' },
    ],
  },
  {
    id: '285627',
    status: 'shipped',
    customer_email: 'mei.tanaka@example.com',
    carrier: 'FedEx',
    tracking_number: '547209318661',
    estimated_delivery: '2026-12-03',
    created_at: '2026-11-21T23:40:57Z',
    updated_at: '2026-11-22T14:06:31Z',
    items: [
      { book_id: 68, quantity: 2, unit_price: '11.99' },
      { book_id: 66, quantity: 1, unit_price: '10.99' },
    ],
  },
  {
    id: '290341',
    status: 'cancelled',
    customer_email: 'david.kowalski@example.org',
    carrier: null,
    tracking_number: null,
    estimated_delivery: null,
    created_at: '2026-10-19T16:05:23Z',
    updated_at: '2026-10-19T18:47:09Z',
    items: [{ book_id: 53, quantity: 1, unit_price: '12.99' }],
  },
  {
    id: '302786',
    status: 'delivered',
    customer_email: 'olivia.rossi@example.com',
    carrier: 'USPS',
    tracking_number: '9361289738009152847260',
    estimated_delivery: '2026-11-18',
    created_at: '2026-11-10T10:13:48Z',
    updated_at: '2026-11-17T19:22:05Z',
    items: [
      { book_id: 32, quantity: 1, unit_price: '11.49' },
      { book_id: 34, quantity: 1, unit_price: '10.99' },
    ],
  },
  {
    id: '315069',
    status: 'in_transit',
    customer_email: 'ethan.wright@example.com',
    carrier: 'UPS',
    tracking_number: '1Z8W41T30956287413',
    estimated_delivery: '2026-11-28',
    created_at: '2026-11-18T19:27:12Z',
    updated_at: '2026-11-22T11:41:59Z',
    items: [{ book_id: 4, quantity: 1, unit_price: '14.99' }],
  },
  {
    id: '328915',
    status: 'processing',
    customer_email: 'mei.tanaka@example.com',
    carrier: null,
    tracking_number: null,
    estimated_delivery: '2026-12-05',
    created_at: '2026-11-22T15:58:03Z',
    updated_at: '2026-11-22T16:30:47Z',
    items: [
      { book_id: 7, quantity: 1, unit_price: '13.99' },
      { book_id: 11, quantity: 1, unit_price: '15.99' },
    ],
  },
  {
    id: '334572',
    status: 'returned',
    customer_email: 'daniel.okoro@example.com',
    carrier: 'DHL',
    tracking_number: '6150382947',
    estimated_delivery: '2026-10-15',
    created_at: '2026-10-08T09:02:29Z',
    updated_at: '2026-10-27T13:15:51Z',
    items: [{ book_id: 62, quantity: 1, unit_price: '15.99' }],
  },
];
