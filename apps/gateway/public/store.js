// The store page's script: an ES module (deferred, its names its own; the page's CSP allows no
// inline code). Every text from the API goes into the page as text, never as HTML.
var COVER_VARIANTS = 8;
var TIMEOUT_MS = 8000;
// Prices in the store's currency (GET /api/store); none shown while it is unknown.
var priceFormat = null;

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isNonEmptyString(value) {
  return typeof value === 'string' && value.trim() !== '';
}

function renderBook(item, index) {
  var li = el('li', 'book');
  // The chat's book cards link here: /#book-<id>.
  if (Number.isInteger(item.id)) li.id = 'book-' + item.id;

  var cover = el('div', 'book__cover book__cover--' + ((index % COVER_VARIANTS) + 1));
  cover.setAttribute('aria-hidden', 'true');
  cover.appendChild(el('span', 'book__cover-title', item.title));
  if (isNonEmptyString(item.author)) {
    cover.appendChild(el('span', 'book__cover-author', item.author));
  }
  li.appendChild(cover);

  var body = el('div', 'book__body');

  var meta = el('p', 'book__meta');
  if (isNonEmptyString(item.category)) {
    meta.appendChild(el('span', 'book__category', item.category));
  }
  if (item.bestseller === true) {
    meta.appendChild(el('span', 'book__badge', 'Bestseller'));
  }
  if (meta.childNodes.length > 0) body.appendChild(meta);

  body.appendChild(el('h3', 'book__title', item.title));
  if (isNonEmptyString(item.author)) {
    body.appendChild(el('p', 'book__author', item.author));
  }
  if (isNonEmptyString(item.description)) {
    body.appendChild(el('p', 'book__description', item.description));
  }

  var footer = el('p', 'book__footer');
  var rating = Number(item.rating);
  if (item.rating !== null && item.rating !== '' && Number.isFinite(rating)) {
    var shown = rating.toFixed(1);
    var stars = el('span', 'book__rating', '\u2605 ' + shown);
    stars.setAttribute('aria-label', 'Rated ' + shown + ' out of 5');
    footer.appendChild(stars);
  } else {
    footer.appendChild(el('span', 'book__rating'));
  }
  var price = Number(item.price);
  if (priceFormat && item.price !== null && item.price !== '' && Number.isFinite(price)) {
    footer.appendChild(el('span', 'book__price', priceFormat.format(price)));
  }
  body.appendChild(footer);

  li.appendChild(body);
  return li;
}

function getJson(url, signal) {
  return fetch(url, { headers: { Accept: 'application/json' }, signal: signal }).then(
    function (res) {
      return res.status === 200 ? res.json() : null;
    },
  );
}

function eachNode(selector, fn) {
  Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
}

// The store's name, with its "&" drawn as the logo draws it.
function showName(node, name) {
  var parts = name.split('&');
  node.textContent = parts[0];
  for (var i = 1; i < parts.length; i++) {
    if (node.classList.contains('logo__text')) node.appendChild(el('span', 'logo__amp', '&'));
    else node.appendChild(document.createTextNode('&'));
    node.appendChild(document.createTextNode(parts[i]));
  }
}

// The store's own facts (name, support address, currency) from GET /api/store; null without them.
function loadStore() {
  return getJson('/api/store')
    .then(function (store) {
      if (!store || !isNonEmptyString(store.name)) return null;
      document.title = store.name;
      eachNode('[data-store-name]', function (node) {
        showName(node, store.name);
      });
      if (isNonEmptyString(store.support_email)) {
        eachNode('[data-store-email-link]', function (link) {
          link.href = 'mailto:' + store.support_email;
          link.textContent = store.support_email;
          link.closest('[data-store-email]').hidden = false;
        });
      }
      // An unknown currency code throws: then no prices.
      priceFormat = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: store.currency,
      });
      return store;
    })
    .catch(function () {
      return null;
    });
}

var storeLoaded = loadStore();

function bookIdFromHash() {
  var match = /^#book-(\d{1,9})$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

function bringIntoView(node) {
  node.setAttribute('tabindex', '-1');
  node.scrollIntoView({ block: 'center' });
  node.focus({ preventScroll: true });
}

/*
 * A link to /#book-<id> (a book card in the chat) lands on that book: one of the featured books,
 * or else the book is found in its category and shown first in the list.
 */
function showLinkedBook() {
  var id = bookIdFromHash();
  var list = document.getElementById('featured-list');
  if (id === null || !list || typeof fetch !== 'function') return;
  var shown = document.getElementById('book-' + id);
  if (shown) {
    bringIntoView(shown);
    return;
  }
  getJson('/api/categories')
    .then(function (data) {
      var slugs = data && Array.isArray(data.items) ? data.items : [];
      return Promise.all(
        slugs.map(function (c) {
          return getJson('/api/products?limit=50&category=' + encodeURIComponent(c.slug));
        }),
      );
    })
    .then(function (pages) {
      if (bookIdFromHash() !== id || document.getElementById('book-' + id)) return;
      for (var i = 0; i < pages.length; i++) {
        var items = pages[i] && Array.isArray(pages[i].items) ? pages[i].items : [];
        for (var j = 0; j < items.length; j++) {
          if (items[j] && items[j].id === id && isNonEmptyString(items[j].title)) {
            var li = renderBook(items[j], list.children.length);
            list.insertBefore(li, list.firstChild);
            bringIntoView(li);
            return;
          }
        }
      }
    })
    .catch(function () {
      // The page stays as it is; the chat still named the book.
    });
}

function showFeaturedStatus(text) {
  var status = document.getElementById('featured-status');
  if (!status) return;
  status.textContent = text;
  status.hidden = !text;
}

// The featured books: the catalog's first page (bestsellers first, then the best rated).
function loadProducts() {
  var list = document.getElementById('featured-list');
  if (!list || typeof fetch !== 'function') return;

  var controller = typeof AbortController === 'function' ? new AbortController() : null;
  var timer = controller
    ? setTimeout(function () {
        controller.abort();
      }, TIMEOUT_MS)
    : 0;
  var products = getJson('/api/products?limit=8', controller ? controller.signal : undefined);

  // The prices need the store's currency: render once both have answered.
  Promise.all([products, storeLoaded])
    .then(function (answers) {
      var data = answers[0];
      if (!data || !Array.isArray(data.items)) throw new Error('no catalog');
      var items = data.items.filter(function (item) {
        return item && typeof item === 'object' && isNonEmptyString(item.title);
      });
      if (items.length === 0) {
        showFeaturedStatus('No books to show just now. Our chat assistant can recommend one.');
        return;
      }
      var fragment = document.createDocumentFragment();
      items.slice(0, 8).forEach(function (item, index) {
        fragment.appendChild(renderBook(item, index));
      });
      list.replaceChildren(fragment);
      list.setAttribute('data-source', 'api');
      showFeaturedStatus('');
      showLinkedBook();
    })
    .catch(function () {
      showFeaturedStatus(
        'The books could not be loaded just now. Our chat assistant can recommend one.',
      );
    })
    .finally(function () {
      clearTimeout(timer);
    });
}

// The help center: one article per fact, from the same source the chat bot answers from.
var HELP_TOPICS = [
  ['shipping', 'Shipping & delivery'],
  ['returns', 'Returns & refunds'],
  ['payment', 'Payment & gift cards'],
  ['order_status', 'Orders'],
  ['help', 'Your account & the store'],
];

function renderHelpArticle(article) {
  var details = el('details', 'help-article');
  details.id = 'help-' + article.slug;
  details.appendChild(el('summary', 'help-article__title', article.title));
  details.appendChild(el('p', 'help-article__body', article.body));
  return details;
}

function renderHelpCenter(articles) {
  var list = document.getElementById('help-list');
  if (!list) return;
  var fragment = document.createDocumentFragment();
  HELP_TOPICS.forEach(function (topic) {
    var inTopic = articles.filter(function (a) {
      return a.topic === topic[0];
    });
    if (inTopic.length === 0) return;
    var group = el('div', 'help__topic');
    group.appendChild(el('h3', 'help__topic-title', topic[1]));
    inTopic.forEach(function (a) {
      group.appendChild(renderHelpArticle(a));
    });
    fragment.appendChild(group);
  });
  list.replaceChildren(fragment);
  list.setAttribute('data-source', 'api');
  openLinkedArticle();
}

// Facts the page states elsewhere (perks, footer) read from the articles: data-help-fact="slug:field".
function fillStoreFacts(articles) {
  var bySlug = {};
  articles.forEach(function (a) {
    bySlug[a.slug] = a;
  });
  var nodes = document.querySelectorAll('[data-help-fact]');
  Array.prototype.forEach.call(nodes, function (node) {
    var ref = node.getAttribute('data-help-fact').split(':');
    var article = bySlug[ref[0]];
    var field = ref[1] === 'title' ? 'title' : 'answer';
    if (article && isNonEmptyString(article[field])) node.textContent = article[field];
  });
}

// A link to #help-<slug> (from the chat, or shared) opens that article.
function openLinkedArticle() {
  var id = decodeURIComponent(window.location.hash.slice(1));
  if (id.indexOf('help-') !== 0) return;
  var target = document.getElementById(id);
  if (target && target.tagName === 'DETAILS') {
    target.open = true;
    target.scrollIntoView();
  }
}

function loadHelpCenter() {
  if (typeof fetch !== 'function') return;
  fetch('/api/help', { headers: { Accept: 'application/json' } })
    .then(function (res) {
      return res.status === 200 ? res.json() : null;
    })
    .then(function (data) {
      if (!data || !Array.isArray(data.items)) return;
      var articles = data.items.filter(function (a) {
        return (
          a &&
          typeof a === 'object' &&
          /^[a-z0-9-]+$/.test(a.slug) &&
          isNonEmptyString(a.title) &&
          isNonEmptyString(a.body)
        );
      });
      if (articles.length === 0) return;
      renderHelpCenter(articles);
      fillStoreFacts(articles);
    })
    .catch(function () {
      // The static note stays: the chat and the support email still answer.
    });
  window.addEventListener('hashchange', openLinkedArticle);
}

function wireChatButton() {
  if (!window.BookstoreChat) return;
  var button = document.getElementById('store-open-chat');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.BookstoreChat.open();
    });
  }
  // "Questions? Ask us" opens the chat (without the widget it still leads to the contact details).
  var askUs = document.querySelectorAll('.hero__actions a[href="#contact"]');
  for (var i = 0; i < askUs.length; i++) {
    askUs[i].addEventListener('click', function (event) {
      event.preventDefault();
      window.BookstoreChat.open();
    });
  }
}

loadProducts();
window.addEventListener('hashchange', showLinkedBook);
loadHelpCenter();

// widget.js is also deferred and runs after this file, so wait until the page has loaded.
if (document.readyState === 'complete') {
  wireChatButton();
} else {
  window.addEventListener('load', wireChatButton);
}
