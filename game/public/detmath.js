// Deterministic Math for Box2D: sin and cos computed with IEEE double operations only (a port of
// fdlibm's __kernel_sin / __kernel_cos / __ieee754_rem_pio2), so that every JavaScript engine
// gives the same bits. V8 versions differ in their native Math.sin/cos (Node 20 and a current
// chromium disagree in the last bit for ~3% of arguments), which made the page's physics drift
// from the server's. box2dweb is loaded with `Math` bound to this object (lib/box2d.js), in Node
// and in the page alike. Everything else is the native Math (the rest box2dweb uses in stepping
// is sqrt/abs/min/max, exact everywhere; atan2/asin/pow/tan are only on paths the game never takes).
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.QWOPMath = api;
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const HI = LITTLE ? 1 : 0;
  const LO = LITTLE ? 0 : 1;

  function high(x) {
    f64[0] = x;
    return u32[HI] | 0;
  }
  function fromWords(hi, lo) {
    u32[HI] = hi >>> 0;
    u32[LO] = lo >>> 0;
    return f64[0];
  }

  const S1 = -1.66666666666666324348e-01;
  const S2 = 8.33333333332248946124e-03;
  const S3 = -1.98412698298579493134e-04;
  const S4 = 2.75573137070700676789e-06;
  const S5 = -2.50507602534068634195e-08;
  const S6 = 1.58969099521155010221e-10;

  function kSin(x, y, iy) {
    const ix = high(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (x | 0) === 0) return x;   // |x| < 2^-27
    const z = x * x;
    const v = z * x;
    const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if (iy === 0) return x + v * (S1 + z * r);
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
  }

  const C1 = 4.16666666666666019037e-02;
  const C2 = -1.38888888888741095749e-03;
  const C3 = 2.48015872894767294178e-05;
  const C4 = -2.75573143513906633035e-07;
  const C5 = 2.08757232129817482790e-09;
  const C6 = -1.13596475577881948265e-11;

  function kCos(x, y) {
    const ix = high(x) & 0x7fffffff;
    if (ix < 0x3e400000 && (x | 0) === 0) return 1;
    const z = x * x;
    const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));   // |x| < 0.3
    const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
    const hz = 0.5 * z - qx;
    const a = 1 - qx;
    return a - (hz - (z * r - x * y));
  }

  const INVPIO2 = 6.36619772367581382433e-01;
  const PIO2_1 = 1.57079632673412561417e+00;
  const PIO2_1T = 6.07710050650619224932e-11;
  const PIO2_2 = 6.07710050630396597660e-11;
  const PIO2_2T = 2.02226624879595063154e-21;
  const PIO2_3 = 2.02226624871116645580e-21;
  const PIO2_3T = 8.47842766036889956997e-32;

  // x reduced by multiples of pi/2: returns n, sets Y[0] + Y[1] = x - n*pi/2.
  // Arguments beyond 2^19*pi/2 are first taken modulo the double nearest 2*pi (% is exact in
  // every engine): deterministic, but not fdlibm's Payne-Hanek accuracy there.
  const Y = new Float64Array(2);
  const TWO_PI = 6.283185307179586;
  function remPio2(x) {
    if ((high(x) & 0x7fffffff) > 0x413921fb) x %= TWO_PI;
    const hx = high(x);
    const ix = hx & 0x7fffffff;
    if (ix < 0x4002d97c) {   // |x| < 3pi/4
      if (hx > 0) {
        let z = x - PIO2_1;
        if (ix !== 0x3ff921fb) {
          Y[0] = z - PIO2_1T;
          Y[1] = (z - Y[0]) - PIO2_1T;
        } else {
          z -= PIO2_2;
          Y[0] = z - PIO2_2T;
          Y[1] = (z - Y[0]) - PIO2_2T;
        }
        return 1;
      }
      let z = x + PIO2_1;
      if (ix !== 0x3ff921fb) {
        Y[0] = z + PIO2_1T;
        Y[1] = (z - Y[0]) + PIO2_1T;
      } else {
        z += PIO2_2;
        Y[0] = z + PIO2_2T;
        Y[1] = (z - Y[0]) + PIO2_2T;
      }
      return -1;
    }
    const t0 = Math.abs(x);
    const n = Math.floor(t0 * INVPIO2 + 0.5);
    const fn = n;
    let r = t0 - fn * PIO2_1;
    let w = fn * PIO2_1T;
    const j = ix >> 20;
    Y[0] = r - w;
    let i = j - ((high(Y[0]) >> 20) & 0x7ff);
    if (i > 16) {   // second iteration: 118 bits
      let t = r;
      w = fn * PIO2_2;
      r = t - w;
      w = fn * PIO2_2T - ((t - r) - w);
      Y[0] = r - w;
      i = j - ((high(Y[0]) >> 20) & 0x7ff);
      if (i > 49) {   // third iteration: 151 bits
        t = r;
        w = fn * PIO2_3;
        r = t - w;
        w = fn * PIO2_3T - ((t - r) - w);
        Y[0] = r - w;
      }
    }
    Y[1] = (r - Y[0]) - w;
    if (hx < 0) {
      Y[0] = -Y[0];
      Y[1] = -Y[1];
      return -n;
    }
    return n;
  }

  function sin(x) {
    x = +x;
    const ix = high(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kSin(x, 0, 0);   // |x| <= pi/4
    if (ix >= 0x7ff00000) return NaN;
    const n = remPio2(x) & 3;
    switch (n) {
      case 0: return kSin(Y[0], Y[1], 1);
      case 1: return kCos(Y[0], Y[1]);
      case 2: return -kSin(Y[0], Y[1], 1);
      default: return -kCos(Y[0], Y[1]);
    }
  }

  function cos(x) {
    x = +x;
    const ix = high(x) & 0x7fffffff;
    if (ix <= 0x3fe921fb) return kCos(x, 0);
    if (ix >= 0x7ff00000) return NaN;
    const n = remPio2(x) & 3;
    switch (n) {
      case 0: return kCos(Y[0], Y[1]);
      case 1: return -kSin(Y[0], Y[1], 1);
      case 2: return -kCos(Y[0], Y[1]);
      default: return kSin(Y[0], Y[1], 1);
    }
  }

  // A Math for box2dweb: the native one with deterministic sin and cos.
  const DetMath = Object.create(Math);
  DetMath.sin = sin;
  DetMath.cos = cos;

  return { sin, cos, Math: DetMath };
});
