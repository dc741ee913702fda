/*
 * "Save my results" page. Reads the payload the kiosk put in the URL fragment (#r=…, base64url
 * JSON, version 1 — see electron/core/checkout/results-payload-codec.ts) and shows it. Plain
 * script, no build step, no network: publishable as three static files on any host.
 * Everything from the URL is treated as untrusted text: it is only ever set with textContent, and
 * only https links are turned into anchors.
 */
(function (root) {
  'use strict';

  var STRINGS = {
    en: {
      title: 'Your skin results',
      scanned: 'Scan of {date}',
      skinType: 'Skin type',
      types: { oily: 'Oily', combination: 'Combination', normal: 'Normal', dry: 'Dry' },
      sensitive: 'Sensitive skin',
      tone: 'Skin tone',
      monk: 'Monk scale {n} of 10',
      undertones: { cool: 'Cool undertone', neutral: 'Neutral undertone', warm: 'Warm undertone' },
      approximate: 'Approximate colour: the camera was not colour-calibrated',
      ita: {
        very_light: 'Very light',
        light: 'Light',
        intermediate: 'Intermediate',
        tan: 'Tan',
        brown: 'Brown',
        dark: 'Dark',
      },
      measured: 'What we measured',
      scale: '0 = none, 100 = a lot',
      metrics: {
        texture: 'Texture',
        pores: 'Pores',
        darkSpots: 'Dark spots',
        redness: 'Redness',
        wrinkles: 'Fine lines',
        shine: 'Shine',
        unevenness: 'Uneven tone',
        darkCircles: 'Dark circles',
      },
      focus: 'Your focus',
      concerns: {
        texture: 'Texture',
        pores: 'Pores',
        dark_spots: 'Dark spots',
        redness: 'Redness',
        wrinkles: 'Fine lines',
        oiliness: 'Oiliness',
        uneven_tone: 'Uneven tone',
        dark_circles: 'Dark circles',
        dryness: 'Dryness',
        acne: 'Blemishes',
        dullness: 'Dullness',
      },
      routine: 'Your routine',
      steps: {
        cleanser: 'Cleanser',
        toner: 'Toner',
        serum: 'Serum',
        treatment: 'Treatment',
        moisturizer: 'Moisturizer',
        sunscreen: 'Sunscreen',
        eye: 'Eye care',
        mask: 'Mask',
        foundation: 'Foundation',
        concealer: 'Concealer',
      },
      view: 'View product',
      cart: 'Add the whole routine to a cart',
      empty: 'There are no results in this link. Scan the QR code on the kiosk again.',
      privacy: 'Your results live only in this link. They were not sent to any server.',
      disclaimer: 'This is a cosmetic guide, not a medical diagnosis.',
    },
    es: {
      title: 'Tus resultados de piel',
      scanned: 'Análisis del {date}',
      skinType: 'Tipo de piel',
      types: { oily: 'Grasa', combination: 'Mixta', normal: 'Normal', dry: 'Seca' },
      sensitive: 'Piel sensible',
      tone: 'Tono de piel',
      monk: 'Escala Monk {n} de 10',
      undertones: { cool: 'Subtono frío', neutral: 'Subtono neutro', warm: 'Subtono cálido' },
      approximate: 'Color aproximado: la cámara no estaba calibrada',
      ita: {
        very_light: 'Muy clara',
        light: 'Clara',
        intermediate: 'Intermedia',
        tan: 'Bronceada',
        brown: 'Morena',
        dark: 'Oscura',
      },
      measured: 'Lo que medimos',
      scale: '0 = nada, 100 = mucho',
      metrics: {
        texture: 'Textura',
        pores: 'Poros',
        darkSpots: 'Manchas oscuras',
        redness: 'Rojez',
        wrinkles: 'Líneas finas',
        shine: 'Brillo',
        unevenness: 'Tono desigual',
        darkCircles: 'Ojeras',
      },
      focus: 'Tus prioridades',
      concerns: {
        texture: 'Textura',
        pores: 'Poros',
        dark_spots: 'Manchas oscuras',
        redness: 'Rojez',
        wrinkles: 'Líneas finas',
        oiliness: 'Exceso de grasa',
        uneven_tone: 'Tono desigual',
        dark_circles: 'Ojeras',
        dryness: 'Sequedad',
        acne: 'Imperfecciones',
        dullness: 'Falta de luminosidad',
      },
      routine: 'Tu rutina',
      steps: {
        cleanser: 'Limpiador',
        toner: 'Tónico',
        serum: 'Sérum',
        treatment: 'Tratamiento',
        moisturizer: 'Hidratante',
        sunscreen: 'Protector solar',
        eye: 'Contorno de ojos',
        mask: 'Mascarilla',
        foundation: 'Base de maquillaje',
        concealer: 'Corrector',
      },
      view: 'Ver producto',
      cart: 'Añadir toda la rutina al carrito',
      empty: 'Este enlace no contiene resultados. Vuelve a escanear el código QR del quiosco.',
      privacy: 'Tus resultados solo están en este enlace. No se han enviado a ningún servidor.',
      disclaimer: 'Es una guía cosmética, no un diagnóstico médico.',
    },
  };

  function isString(v) {
    return typeof v === 'string';
  }
  function isInt(v) {
    return typeof v === 'number' && Math.floor(v) === v;
  }
  function httpsOnly(u) {
    return isString(u) && /^https:\/\/[^\s]+$/.test(u) ? u : null;
  }

  /** The payload from `#r=…`, or null when there is none or it is not a valid version-1 payload. */
  function decodePayload(hash) {
    try {
      var data = new URLSearchParams(String(hash || '').replace(/^#/, '')).get('r');
      if (!data) return null;
      var b64 = data.replace(/-/g, '+').replace(/_/g, '/');
      b64 += '='.repeat((4 - (b64.length % 4)) % 4);
      var binary = atob(b64);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      var p = JSON.parse(new TextDecoder().decode(bytes));
      if (
        !p ||
        p.v !== 1 ||
        !isString(p.t) ||
        !Array.isArray(p.m) ||
        !Array.isArray(p.c) ||
        !Array.isArray(p.p)
      )
        return null;
      return p;
    } catch {
      return null;
    }
  }

  function formatMoney(minor, currency, lang) {
    try {
      var format = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en', {
        style: 'currency',
        currency: currency,
      });
      // Minor units: cents for USD, whole yen for JPY — the currency says how many decimals.
      var digits = format.resolvedOptions().maximumFractionDigits;
      return format.format(minor / Math.pow(10, digits));
    } catch {
      return (minor / 100).toFixed(2) + ' ' + currency;
    }
  }

  function formatDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return '';
    var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en', { dateStyle: 'long' }).format(d);
  }

  /** Everything the page shows, as plain data in one language (tested without a DOM). */
  function buildView(p, lang) {
    var s = STRINGS[lang] || STRINGS.en;
    var label = function (table, key) {
      return (isString(key) && table[key]) || '';
    };
    var tone =
      p.tn && isInt(p.tn.m)
        ? {
            hex: /^#[0-9a-f]{6}$/i.test(p.tn.h) ? p.tn.h : null,
            lines: [
              label(s.ita, p.tn.c),
              s.monk.replace('{n}', String(p.tn.m)),
              label(s.undertones, p.tn.u),
              p.tn.a === 1 ? s.approximate : '',
            ].filter(Boolean),
          }
        : null;
    return {
      lang: lang,
      title: s.title,
      scanned: s.scanned.replace('{date}', formatDate(p.d, lang)),
      skinTypeHeading: s.skinType,
      skinType: label(s.types, p.t),
      sensitive: p.s === 1 ? s.sensitive : null,
      toneHeading: s.tone,
      tone: tone,
      measuredHeading: s.measured,
      scale: s.scale,
      metrics: p.m
        .filter(function (m) {
          return Array.isArray(m) && label(s.metrics, m[0]) && isInt(m[1]);
        })
        .map(function (m) {
          return { label: s.metrics[m[0]], score: Math.max(0, Math.min(100, m[1])) };
        }),
      focusHeading: s.focus,
      concerns: p.c
        .map(function (c) {
          return label(s.concerns, c);
        })
        .filter(Boolean),
      routineHeading: s.routine,
      products: p.p.filter(Array.isArray).map(function (item) {
        // [step, brand, name, price, link?]; price is minor units in `cu`, or [minor, currency].
        var pr = item[3];
        var minor = Array.isArray(pr) ? pr[0] : pr;
        var currency = Array.isArray(pr) ? pr[1] : p.cu;
        var price = isInt(minor) && /^[A-Z]{3}$/.test(currency) ? formatMoney(minor, currency, lang) : '';
        return {
          step: label(s.steps, item[0]),
          brand: String(item[1] || ''),
          name: String(item[2] || ''),
          price: price,
          url: httpsOnly(item[4]),
          linkText: s.view,
        };
      }),
      cart: httpsOnly(p.k) ? { url: p.k, text: s.cart } : null,
      privacy: s.privacy,
      disclaimer: s.disclaimer,
      empty: s.empty,
    };
  }

  function el(doc, tag, className, text) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(doc, url, text, className) {
    var a = el(doc, 'a', className, text);
    a.href = url;
    a.rel = 'noopener noreferrer';
    return a;
  }

  function renderView(doc, main, view) {
    main.textContent = '';
    main.appendChild(el(doc, 'h1', null, view.title));
    main.appendChild(el(doc, 'p', 'muted', view.scanned));

    var type = el(doc, 'section', 'card');
    type.appendChild(el(doc, 'h2', null, view.skinTypeHeading));
    type.appendChild(el(doc, 'p', null, view.skinType));
    if (view.sensitive) type.appendChild(el(doc, 'p', 'muted', view.sensitive));
    main.appendChild(type);

    if (view.tone) {
      var tone = el(doc, 'section', 'card');
      tone.appendChild(el(doc, 'h2', null, view.toneHeading));
      var row = el(doc, 'div', 'tone');
      if (view.tone.hex) {
        var swatch = el(doc, 'span', 'swatch');
        swatch.style.backgroundColor = view.tone.hex;
        row.appendChild(swatch);
      }
      var lines = el(doc, 'div');
      view.tone.lines.forEach(function (line) {
        lines.appendChild(el(doc, 'div', null, line));
      });
      row.appendChild(lines);
      tone.appendChild(row);
      main.appendChild(tone);
    }

    if (view.metrics.length) {
      var metrics = el(doc, 'section', 'card');
      metrics.appendChild(el(doc, 'h2', null, view.measuredHeading));
      metrics.appendChild(el(doc, 'p', 'muted', view.scale));
      view.metrics.forEach(function (m) {
        var line = el(doc, 'div', 'metric');
        line.appendChild(el(doc, 'span', null, m.label));
        var meter = el(doc, 'span', 'meter');
        var fill = el(doc, 'span');
        fill.style.width = m.score + '%';
        meter.appendChild(fill);
        line.appendChild(meter);
        line.appendChild(el(doc, 'span', null, String(m.score)));
        metrics.appendChild(line);
      });
      main.appendChild(metrics);
    }

    if (view.concerns.length) {
      main.appendChild(el(doc, 'h2', null, view.focusHeading));
      var chips = el(doc, 'ul', 'chips');
      view.concerns.forEach(function (c) {
        chips.appendChild(el(doc, 'li', null, c));
      });
      main.appendChild(chips);
    }

    if (view.products.length) {
      main.appendChild(el(doc, 'h2', null, view.routineHeading));
      view.products.forEach(function (p) {
        var card = el(doc, 'article', 'card product');
        card.appendChild(el(doc, 'div', 'step', p.step));
        card.appendChild(el(doc, 'div', 'name', p.brand + ' ' + p.name));
        if (p.price) card.appendChild(el(doc, 'div', 'muted', p.price));
        if (p.url) card.appendChild(link(doc, p.url, p.linkText));
        main.appendChild(card);
      });
      if (view.cart) main.appendChild(link(doc, view.cart.url, view.cart.text, 'cart'));
    }

    var footer = el(doc, 'footer', 'muted');
    footer.appendChild(el(doc, 'p', null, view.privacy));
    footer.appendChild(el(doc, 'p', null, view.disclaimer));
    main.appendChild(footer);
  }

  function start(doc, hash, preferred) {
    var main = doc.getElementById('app');
    var payload = decodePayload(hash);
    var lang = payload && STRINGS[payload.l] ? payload.l : /^es\b/i.test(preferred || '') ? 'es' : 'en';
    var show = function (next) {
      lang = next;
      doc.documentElement.lang = lang;
      doc.title = STRINGS[lang].title;
      var buttons = doc.querySelectorAll('[data-lang]');
      for (var i = 0; i < buttons.length; i++)
        buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-lang') === lang));
      if (payload) renderView(doc, main, buildView(payload, lang));
      else {
        main.textContent = '';
        main.appendChild(el(doc, 'p', 'empty', STRINGS[lang].empty));
      }
    };
    var buttons = doc.querySelectorAll('[data-lang]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (event) {
        show(event.currentTarget.getAttribute('data-lang'));
      });
    }
    show(lang);
  }

  root.SkinResults = {
    STRINGS: STRINGS,
    decodePayload: decodePayload,
    buildView: buildView,
    renderView: renderView,
  };

  var doc = root.document;
  if (doc && doc.getElementById) {
    var boot = function () {
      start(doc, root.location.hash, root.navigator.language);
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', boot);
    else boot();
    root.addEventListener('hashchange', function () {
      root.location.reload();
    });
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
