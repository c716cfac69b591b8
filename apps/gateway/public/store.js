(function () {
  'use strict';

  var COVER_VARIANTS = 8;
  var TIMEOUT_MS = 8000;
  var priceFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

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
    if (item.price !== null && item.price !== '' && Number.isFinite(price)) {
      footer.appendChild(el('span', 'book__price', priceFormat.format(price)));
    }
    body.appendChild(footer);

    li.appendChild(body);
    return li;
  }

  function loadProducts() {
    var list = document.getElementById('featured-list');
    if (!list || typeof fetch !== 'function') return;

    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller
      ? setTimeout(function () {
          controller.abort();
        }, TIMEOUT_MS)
      : 0;

    fetch('/api/products?limit=8', {
      headers: { Accept: 'application/json' },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (res) {
        if (res.status !== 200) return null;
        return res.json();
      })
      .then(function (data) {
        if (!data || !Array.isArray(data.items)) return;
        var items = data.items.filter(function (item) {
          return item && typeof item === 'object' && isNonEmptyString(item.title);
        });
        if (items.length === 0) return;

        var fragment = document.createDocumentFragment();
        items.slice(0, 8).forEach(function (item, index) {
          fragment.appendChild(renderBook(item, index));
        });
        list.replaceChildren(fragment);
        list.setAttribute('data-source', 'api');
      })
      .catch(function () {
        // The static list stays; the catalogue API is optional for this page.
      })
      .finally(function () {
        clearTimeout(timer);
      });
  }

  function wireChatButton() {
    var button = document.getElementById('store-open-chat');
    if (!button || !window.BookstoreChat) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      window.BookstoreChat.open();
    });
  }

  loadProducts();

  // widget.js is also deferred and runs after this file, so wait until the page has loaded.
  if (document.readyState === 'complete') {
    wireChatButton();
  } else {
    window.addEventListener('load', wireChatButton);
  }
})();
