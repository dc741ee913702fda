/*
 * "Save my results" page. Reads the payload the kiosk put in the URL fragment (#z=…, raw-deflate
 * JSON in base64url, version 1 — see electron/core/checkout/results-payload-codec.ts; links saved
 * before compression carry plain base64url JSON as #r=…) and shows it. Plain script, no build step,
 * no network: publishable as three static files on any host. Decompression uses the browser's own
 * DecompressionStream('deflate-raw').
 * Everything from the URL is treated as untrusted: text is only ever set with textContent, a key
 * is looked up only among the page's own words (never `constructor` or `__proto__` from a
 * prototype), and a link becomes an anchor only when it is https and on a host the store allowed
 * in results-config.js. A link that cannot be read shows a sentence saying so, never a blank page.
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
      more: '{n} more products from your routine did not fit in this link; ask in store.',
      empty: 'There are no results in this link. Scan the QR code on the kiosk again.',
      broken: 'This link is damaged and cannot be shown. Scan the QR code on the kiosk again.',
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
      more: 'Otros {n} productos de tu rutina no caben en este enlace; pregunta en la tienda.',
      empty: 'Este enlace no contiene resultados. Vuelve a escanear el código QR del quiosco.',
      broken: 'Este enlace está dañado y no se puede mostrar. Vuelve a escanear el código QR del quiosco.',
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
  /** table[key] only when the table itself has that key: `constructor` is not a skin type. */
  function own(table, key) {
    return isString(key) && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  }
  function hostMatches(host, entry) {
    var e = String(entry).trim().toLowerCase();
    if (e.indexOf('*.') === 0)
      return host.length > e.length - 1 && host.slice(-(e.length - 1)) === e.slice(1);
    return host === e;
  }
  /**
   * The link, when it is https, carries no credentials, uses the standard port and its host is the
   * page's own or one the store listed (`*.example.com` allows subdomains, as on the kiosk); else null.
   */
  function allowedLink(u, policy) {
    if (!isString(u) || !/^https:\/\/[^\s]+$/.test(u)) return null;
    var url;
    try {
      url = new URL(u);
    } catch {
      return null;
    }
    if (url.username || url.password || (url.port && url.port !== '443')) return null;
    var host = url.hostname.toLowerCase();
    var hosts = ((policy && policy.allowedHosts) || []).concat(
      policy && policy.pageHost ? [policy.pageHost] : [],
    );
    return hosts.some(function (entry) {
      return hostMatches(host, entry);
    })
      ? url.href
      : null;
  }

  function base64UrlBytes(data) {
    var b64 = data.replace(/-/g, '+').replace(/_/g, '/');
    b64 += '='.repeat((4 - (b64.length % 4)) % 4);
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function inflateRaw(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return new Uint8Array(buffer);
    });
  }

  // The compact form's word lists, exactly as electron/core/checkout/results-payload-codec.ts.
  var VOCABULARY = {
    types: ['oily', 'combination', 'normal', 'dry'],
    undertones: ['cool', 'neutral', 'warm', 'cannot_tell'],
    itaClasses: ['very_light', 'light', 'intermediate', 'tan', 'brown', 'dark'],
    metrics: ['texture', 'pores', 'darkSpots', 'redness', 'wrinkles', 'shine', 'unevenness', 'darkCircles'],
    concerns: [
      'texture',
      'pores',
      'dark_spots',
      'redness',
      'wrinkles',
      'oiliness',
      'uneven_tone',
      'dark_circles',
      'dryness',
      'acne',
      'dullness',
    ],
    steps: [
      'cleanser',
      'toner',
      'serum',
      'treatment',
      'moisturizer',
      'sunscreen',
      'eye',
      'mask',
      'foundation',
      'concealer',
    ],
  };

  function wordAt(list, i) {
    return isInt(i) && i >= 0 && i < list.length ? list[i] : null;
  }

  /** The compact version-2 array ([2, l, d, t, s, tn, m, c, cu, p, k, x]) as the keyed version-1 object. */
  function expand(w) {
    if (!Array.isArray(w) || w[0] !== 2 || w.length < 10) return null;
    var V = VOCABULARY;
    var d = String(w[2]);
    var tn = w[5];
    return {
      v: 1,
      l: w[1],
      d: /^\d{6}$/.test(d) ? '20' + d.slice(0, 2) + '-' + d.slice(2, 4) + '-' + d.slice(4, 6) : d,
      t: wordAt(V.types, w[3]),
      s: w[4],
      tn: Array.isArray(tn)
        ? {
            m: tn[0],
            u: wordAt(V.undertones, tn[1]),
            h: '#' + String(tn[2]),
            c: wordAt(V.itaClasses, tn[3]),
            a: tn[4] === 1 ? 1 : undefined,
          }
        : null,
      m: Array.isArray(w[6])
        ? w[6].map(function (m) {
            return Array.isArray(m) ? [wordAt(V.metrics, m[0]), m[1]] : [];
          })
        : null,
      c: Array.isArray(w[7])
        ? w[7].map(function (c) {
            return wordAt(V.concerns, c);
          })
        : null,
      cu: w[8],
      p: Array.isArray(w[9])
        ? w[9].map(function (item) {
            return Array.isArray(item) ? [wordAt(V.steps, item[0])].concat(item.slice(1)) : item;
          })
        : null,
      k: w[10] || undefined,
      x: w[11] || undefined,
    };
  }

  function validPayload(p) {
    return (
      !!p && p.v === 1 && isString(p.t) && Array.isArray(p.m) && Array.isArray(p.c) && Array.isArray(p.p)
    );
  }

  /**
   * Resolves to the payload from `#z=…` (compressed) or `#r=…` (plain), or to null when there is
   * none or it is not a valid version-1 payload.
   */
  function decodePayload(hash) {
    try {
      var params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
      var compressed = params.get('z');
      var plain = params.get('r');
      var bytes = compressed
        ? inflateRaw(base64UrlBytes(compressed))
        : plain
          ? Promise.resolve(base64UrlBytes(plain))
          : null;
      if (!bytes) return Promise.resolve(null);
      return bytes
        .then(function (raw) {
          var p = JSON.parse(new TextDecoder().decode(raw));
          if (compressed) p = expand(p);
          return validPayload(p) ? p : null;
        })
        .catch(function () {
          return null;
        });
    } catch {
      return Promise.resolve(null);
    }
  }

  /*
   * The kiosk's money rule, the same as electron/shared/money-format.ts (a test keeps the two equal
   * for every currency Intl knows): an amount is a whole number of the currency's minor unit, with
   * as many digits as Intl shows for that currency (JPY 0, USD 2, KWD 3), formatted from an exact
   * decimal string. A browser that cannot format the currency shows no price rather than a wrong one.
   */
  function formatMoney(minor, currency, lang) {
    try {
      var format = new Intl.NumberFormat(lang === 'es' ? 'es' : 'en', {
        style: 'currency',
        currency: currency,
      });
      var digits = format.resolvedOptions().maximumFractionDigits;
      var text = String(Math.abs(minor));
      while (text.length <= digits) text = '0' + text;
      var whole = text.slice(0, text.length - digits);
      var decimal = digits > 0 ? whole + '.' + text.slice(text.length - digits) : whole;
      return format.format((minor < 0 ? '-' : '') + decimal);
    } catch {
      return '';
    }
  }

  function formatDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return '';
    var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return new Intl.DateTimeFormat(lang === 'es' ? 'es' : 'en', { dateStyle: 'long' }).format(d);
  }

  /**
   * Everything the page shows, as plain data in one language (tested without a DOM). `policy` is
   * `{ allowedHosts, pageHost }`: which hosts product and cart links may point to.
   */
  function buildView(p, lang, policy) {
    var s = own(STRINGS, lang) || STRINGS.en;
    var label = function (table, key) {
      var text = own(table, key);
      return isString(text) ? text : '';
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
    var cartUrl = allowedLink(p.k, policy);
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
          return { label: label(s.metrics, m[0]), score: Math.max(0, Math.min(100, m[1])) };
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
          brand: isString(item[1]) ? item[1] : '',
          name: isString(item[2]) ? item[2] : '',
          price: price,
          url: allowedLink(item[4], policy),
          linkText: s.view,
        };
      }),
      cart: cartUrl ? { url: cartUrl, text: s.cart } : null,
      more: isInt(p.x) && p.x > 0 ? s.more.replace('{n}', String(p.x)) : null,
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
      if (view.more) main.appendChild(el(doc, 'p', 'muted', view.more));
      if (view.cart) main.appendChild(link(doc, view.cart.url, view.cart.text, 'cart'));
    }

    var footer = el(doc, 'footer', 'muted');
    footer.appendChild(el(doc, 'p', null, view.privacy));
    footer.appendChild(el(doc, 'p', null, view.disclaimer));
    main.appendChild(footer);
  }

  /** Whether the fragment carries a payload at all (readable or not). */
  function hasPayload(hash) {
    try {
      var params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
      return !!(params.get('z') || params.get('r'));
    } catch {
      return false;
    }
  }

  function start(doc, payload, carried, preferred, policy) {
    var main = doc.getElementById('app');
    var fallback = /^es\b/i.test(preferred || '') ? 'es' : 'en';
    var lang = payload && own(STRINGS, payload.l) ? payload.l : fallback;
    var notice = function (key) {
      main.textContent = '';
      main.appendChild(el(doc, 'p', 'empty', STRINGS[lang][key]));
    };
    var show = function (next) {
      lang = own(STRINGS, next) ? next : 'en';
      doc.documentElement.lang = lang;
      doc.title = STRINGS[lang].title;
      var buttons = doc.querySelectorAll('[data-lang]');
      for (var i = 0; i < buttons.length; i++)
        buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-lang') === lang));
      if (!payload) return notice(carried ? 'broken' : 'empty');
      try {
        renderView(doc, main, buildView(payload, lang, policy));
      } catch {
        // A payload of the right shape with contents no kiosk writes: say so instead of a blank page.
        notice('broken');
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
    VOCABULARY: VOCABULARY,
    decodePayload: decodePayload,
    allowedLink: allowedLink,
    buildView: buildView,
    renderView: renderView,
    formatMoney: formatMoney,
  };

  var doc = root.document;
  if (doc && doc.getElementById) {
    var boot = function () {
      var config = root.SkinResultsConfig || {};
      var hash = root.location.hash;
      decodePayload(hash).then(function (payload) {
        start(doc, payload, hasPayload(hash), root.navigator.language, {
          allowedHosts: Array.isArray(config.allowedHosts) ? config.allowedHosts : [],
          pageHost: root.location.hostname,
        });
      });
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', boot);
    else boot();
    root.addEventListener('hashchange', function () {
      root.location.reload();
    });
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
