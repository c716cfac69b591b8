import { svg } from '../dom.js';

/* The widget's drawings, as SVG shapes (no image files, nothing for the page's CSP to refuse). */

export function launcherIcon(): SVGSVGElement {
  return svg('0 0 24 24', 'bsc-launcher__icon', [
    [
      'path',
      {
        class: 'bsc-launcher__bubble',
        d: 'M5 3.5h14A2.5 2.5 0 0 1 21.5 6v9a2.5 2.5 0 0 1-2.5 2.5h-6.2l-4.9 3.8a.6.6 0 0 1-1-.5v-3.3H5A2.5 2.5 0 0 1 2.5 15V6A2.5 2.5 0 0 1 5 3.5z',
      },
    ],
    ['circle', { class: 'bsc-launcher__dot', cx: '8', cy: '10.5', r: '1.4' }],
    ['circle', { class: 'bsc-launcher__dot', cx: '12', cy: '10.5', r: '1.4' }],
    ['circle', { class: 'bsc-launcher__dot', cx: '16', cy: '10.5', r: '1.4' }],
  ]);
}

export function newIcon(): SVGSVGElement {
  return svg('0 0 24 24', 'bsc-header-btn__icon', [
    ['path', { d: 'M20 12a8 8 0 1 1-2.34-5.66' }],
    ['path', { d: 'M20 4v5h-5' }],
  ]);
}

export function stopIcon(): SVGSVGElement {
  return svg('0 0 24 24', 'bsc-stop__icon', [
    ['rect', { x: '6', y: '6', width: '12', height: '12', rx: '2' }],
  ]);
}

const THUMB_PATHS = {
  up: [
    'M7 11v10H4a1.5 1.5 0 0 1-1.5-1.5v-7A1.5 1.5 0 0 1 4 11h3z',
    'M7 11l4-8.5a2.5 2.5 0 0 1 2.5 2.5v4.5h5.4a2 2 0 0 1 2 2.3l-1.2 8a2 2 0 0 1-2 1.7H7',
  ],
  down: [
    'M17 13V3h3a1.5 1.5 0 0 1 1.5 1.5v7A1.5 1.5 0 0 1 20 13h-3z',
    'M17 13l-4 8.5a2.5 2.5 0 0 1-2.5-2.5v-4.5H5.1a2 2 0 0 1-2-2.3l1.2-8a2 2 0 0 1 2-1.7H17',
  ],
};

export function thumbIcon(rating: 'up' | 'down'): SVGSVGElement {
  return svg(
    '0 0 24 24',
    'bsc-rate__icon',
    THUMB_PATHS[rating].map((d) => ['path', { d }]),
  );
}
