/*
 * QWOP-RL game core: the runner's physics and the game's rules on box2dweb (Box2D 2.1a).
 * No DOM. Every number comes from qwop.json (the caller passes it as `constants`).
 *
 *   Node:    const { createGame } = require('./src/qwop.js');
 *            const game = createGame();                  // loads box2dweb and ../qwop.json itself
 *   Page:    <script src="/vendor/box2d.js"></script> <script src="/src/qwop.js"></script>
 *            const game = QWOP.createGame({ Box2D: self.Box2D, constants });
 *
 *   game.reset()            -> state   (QWOP has no randomness: every race starts the same)
 *   game.step(keys, n = 1)  -> state   (keys: Q=1, W=2, O=4, P=8; no-op once the game has ended)
 *   game.state()            -> state   (the raw state of DEVELOPERS.md, exactly those fields, with
 *                                       `hurdle`: what render.js draws)
 *   game.setState(state)    -> state   (rebuilds the world in that state: a pure function of it;
 *                                       the hurdle stands again at its start, like the sim's)
 *   game.hurdle()           -> { base: [x, y, angle, vx, vy, w], top: [...] }
 *   game.tiles()            -> centre x of the track tiles now in the world
 *   game.debug()            -> joints' motor speeds / limits / enables, contacts, camera
 *   game.world, game.bodies -> the Box2D world and the runner's bodies by name (read only!)
 *
 * A frame follows the original's order (qwop-physics.md, "Every frame"): clock, head torque,
 * thigh keys, calf keys, one world step (contact rules fire inside it), score, end of game.
 *
 * Three details make box2dweb step exactly like the real game (game/FIDELITY.md; all switchable
 * in qwop.json's `world`): revolute joints solved in Box2D 2.0's order (revolute_solver), forces
 * never cleared so the head torque accumulates (clear_forces), and the fixture created first is
 * fixture A of a contact (contact_pair_order). With them the 28 recordings match to ~1e-14.
 */
(function (root, factory) {
  'use strict';
  const api = factory(root);
  if (typeof module === 'object' && module.exports) {
    module.exports = api; // Node / CommonJS
  } else if (root) {
    root.QWOP = api; // a classic <script> in the page (or a worker)
  }
})(typeof globalThis !== 'undefined' ? globalThis : this, function (root) {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Loading: box2dweb on npm defers its static initialisers to Box2D.postDefs; the CDN build runs
  // them itself and deletes the list. Run them exactly once, here, whatever build we were given.
  function prepareBox2D(Box2D) {
    if (!Box2D) throw new Error('qwop.js: Box2D is required (box2dweb)');
    if (Array.isArray(Box2D.postDefs)) {
      const defs = Box2D.postDefs;
      delete Box2D.postDefs;
      for (let i = 0; i < defs.length; i++) defs[i]();
    }
    return Box2D;
  }

  // Only in Node, and only when the caller passed no Box2D / constants.
  function nodeRequire(name) {
    return typeof module === 'object' && typeof require === 'function' ? require(name) : null;
  }

  function loadBox2D() {
    if (root && root.Box2D) return prepareBox2D(root.Box2D);
    // box2d.js swaps the global Object.defineProperty for a getter/setter-only polyfill when it
    // loads (its test for a native one is wrong); put the native one back.
    const defineProperty = Object.defineProperty;
    try {
      return prepareBox2D(nodeRequire('box2dweb'));
    } finally {
      Object.defineProperty = defineProperty;
    }
  }

  // Node helper: the repo's qwop.json (game/qwop.json, one folder up from src/).
  function loadConstants(file) {
    const fs = nodeRequire('fs');
    const path = nodeRequire('path');
    if (!fs) throw new Error('qwop.js: pass `constants` (qwop.json) in the page');
    const f = file || path.join(__dirname, '..', 'qwop.json');
    return JSON.parse(fs.readFileSync(f, 'utf8'));
  }

  // ---------------------------------------------------------------------------------------------
  // Revolute joints solved the way Box2D 2.0 does it (qwop.json world.revolute_solver =
  // "box2d_2.0"). box2dweb (2.1a) solves motor, then limit+point as one 3x3 block, and corrects
  // positions limit-first; the real game's recordings match to 1e-15 only with the 2.0 order:
  // velocity = point constraint (2x2), then motor, then limit (1-D, own accumulated impulse);
  // position = point, then limit (with an accumulated, clamped position impulse). See FIDELITY.md.
  // Installed on each joint instance, so box2dweb itself stays untouched for anyone else.
  function jointArms(j) {
    const bA = j.m_bodyA;
    const bB = j.m_bodyB;
    const RA = bA.m_xf.R;
    const RB = bB.m_xf.R;
    const ax = j.m_localAnchor1.x - bA.m_sweep.localCenter.x;
    const ay = j.m_localAnchor1.y - bA.m_sweep.localCenter.y;
    const bx = j.m_localAnchor2.x - bB.m_sweep.localCenter.x;
    const by = j.m_localAnchor2.y - bB.m_sweep.localCenter.y;
    return [RA.col1.x * ax + RA.col2.x * ay, RA.col1.y * ax + RA.col2.y * ay,
      RB.col1.x * bx + RB.col2.x * by, RB.col1.y * bx + RB.col2.y * by];
  }

  // The point constraint's 2x2 effective-mass matrix K = [[a, b], [b, d]] (symmetric).
  function pointK(j, r1X, r1Y, r2X, r2Y) {
    const m = j.m_bodyA.m_invMass + j.m_bodyB.m_invMass;
    const i1 = j.m_bodyA.m_invI;
    const i2 = j.m_bodyB.m_invI;
    return [m + i1 * r1Y * r1Y + i2 * r2Y * r2Y, -i1 * r1X * r1Y - i2 * r2X * r2Y,
      m + i1 * r1X * r1X + i2 * r2X * r2X];
  }

  // K^-1 of the point constraint, as 2.0 computes it (invert K, then multiply).
  function pivotMass(j, r1X, r1Y, r2X, r2Y) {
    const [a, b, d] = pointK(j, r1X, r1Y, r2X, r2Y);
    let det = a * d - b * b;
    if (det !== 0) det = 1 / det;
    return [det * d, -det * b, -det * b, det * a]; // col1.x, col2.x, col1.y, col2.y
  }

  // K x = b by Cramer's rule (2.0's b2Mat22.Solve, used by the position pass).
  function solveK(j, r1X, r1Y, r2X, r2Y, bX, bY) {
    const [a11, a12, a22] = pointK(j, r1X, r1Y, r2X, r2Y);
    let det = a11 * a22 - a12 * a12;
    if (det !== 0) det = 1 / det;
    return [det * (a22 * bX - a12 * bY), det * (a11 * bY - a12 * bX)];
  }

  // Point impulse P at the anchors plus angular impulses (motor, limit), summed in 2.0's order.
  function applyImpulse(j, PX, PY, r, motor, limit) {
    const bA = j.m_bodyA;
    const bB = j.m_bodyB;
    bA.m_linearVelocity.x -= bA.m_invMass * PX;
    bA.m_linearVelocity.y -= bA.m_invMass * PY;
    bA.m_angularVelocity -= bA.m_invI * ((r[0] * PY - r[1] * PX) + motor + limit);
    bB.m_linearVelocity.x += bB.m_invMass * PX;
    bB.m_linearVelocity.y += bB.m_invMass * PY;
    bB.m_angularVelocity += bB.m_invI * ((r[2] * PY - r[3] * PX) + motor + limit);
  }

  function installBox2D20Revolute(Box2D, joint) {
    const b2Joint = Box2D.Dynamics.Joints.b2Joint;
    const S = Box2D.Common.b2Settings;
    const clamp = (a, lo, hi) => (a < lo ? lo : a > hi ? hi : a);
    joint.m_limitImpulse20 = 0;
    joint.m_limitPositionImpulse20 = 0;

    joint.InitVelocityConstraints = function (step) {
      const bA = this.m_bodyA;
      const bB = this.m_bodyB;
      const r = jointArms(this);
      this.m_pivotMass20 = pivotMass(this, r[0], r[1], r[2], r[3]);
      this.m_motorMass = 1.0 / (bA.m_invI + bB.m_invI);
      if (!this.m_enableMotor) this.m_motorImpulse = 0;
      if (this.m_enableLimit) {
        const angle = bB.m_sweep.a - bA.m_sweep.a - this.m_referenceAngle;
        if (Math.abs(this.m_upperAngle - this.m_lowerAngle) < 2.0 * S.b2_angularSlop) {
          this.m_limitState = b2Joint.e_equalLimits;
        } else if (angle <= this.m_lowerAngle) {
          if (this.m_limitState != b2Joint.e_atLowerLimit) this.m_limitImpulse20 = 0;
          this.m_limitState = b2Joint.e_atLowerLimit;
        } else if (angle >= this.m_upperAngle) {
          if (this.m_limitState != b2Joint.e_atUpperLimit) this.m_limitImpulse20 = 0;
          this.m_limitState = b2Joint.e_atUpperLimit;
        } else {
          this.m_limitState = b2Joint.e_inactiveLimit;
          this.m_limitImpulse20 = 0;
        }
      } else {
        this.m_limitState = b2Joint.e_inactiveLimit;
        this.m_limitImpulse20 = 0;
      }
      if (step.warmStarting) {
        applyImpulse(this, this.m_impulse.x, this.m_impulse.y, r, this.m_motorImpulse, this.m_limitImpulse20);
      } else {
        this.m_impulse.SetZero();
        this.m_motorImpulse = 0;
        this.m_limitImpulse20 = 0;
      }
      this.m_limitPositionImpulse20 = 0;
    };

    joint.SolveVelocityConstraints = function (step) {
      const bA = this.m_bodyA;
      const bB = this.m_bodyB;
      const r = jointArms(this);
      const pm = this.m_pivotMass20;
      // 1. point to point
      const CdotX = bB.m_linearVelocity.x - bB.m_angularVelocity * r[3] - bA.m_linearVelocity.x + bA.m_angularVelocity * r[1];
      const CdotY = bB.m_linearVelocity.y + bB.m_angularVelocity * r[2] - bA.m_linearVelocity.y - bA.m_angularVelocity * r[0];
      const PX = -(pm[0] * CdotX + pm[1] * CdotY);
      const PY = -(pm[2] * CdotX + pm[3] * CdotY);
      this.m_impulse.x += PX;
      this.m_impulse.y += PY;
      applyImpulse(this, PX, PY, r, 0, 0);
      // 2. motor (impulse clamped to max torque * dt)
      if (this.m_enableMotor && this.m_limitState != b2Joint.e_equalLimits) {
        const Cdot = bB.m_angularVelocity - bA.m_angularVelocity - this.m_motorSpeed;
        const old = this.m_motorImpulse;
        const maxImpulse = step.dt * this.m_maxMotorTorque;
        this.m_motorImpulse = clamp(old - this.m_motorMass * Cdot, -maxImpulse, maxImpulse);
        const impulse = this.m_motorImpulse - old;
        bA.m_angularVelocity -= bA.m_invI * impulse;
        bB.m_angularVelocity += bB.m_invI * impulse;
      }
      // 3. limit (1-D, one-sided unless the limits are equal)
      if (this.m_enableLimit && this.m_limitState != b2Joint.e_inactiveLimit) {
        let impulse = -this.m_motorMass * (bB.m_angularVelocity - bA.m_angularVelocity);
        const old = this.m_limitImpulse20;
        if (this.m_limitState == b2Joint.e_equalLimits) this.m_limitImpulse20 = old + impulse;
        else if (this.m_limitState == b2Joint.e_atLowerLimit) this.m_limitImpulse20 = Math.max(old + impulse, 0);
        else this.m_limitImpulse20 = Math.min(old + impulse, 0);
        impulse = this.m_limitImpulse20 - old;
        bA.m_angularVelocity -= bA.m_invI * impulse;
        bB.m_angularVelocity += bB.m_invI * impulse;
      }
    };

    joint.SolvePositionConstraints = function () {
      const bA = this.m_bodyA;
      const bB = this.m_bodyB;
      const r = jointArms(this);
      // 1. point to point
      const CX = bB.m_sweep.c.x + r[2] - bA.m_sweep.c.x - r[0];
      const CY = bB.m_sweep.c.y + r[3] - bA.m_sweep.c.y - r[1];
      const positionError = Math.sqrt(CX * CX + CY * CY);
      const [PX, PY] = solveK(this, r[0], r[1], r[2], r[3], -CX, -CY);
      bA.m_sweep.c.x -= bA.m_invMass * PX;
      bA.m_sweep.c.y -= bA.m_invMass * PY;
      bA.m_sweep.a -= bA.m_invI * (r[0] * PY - r[1] * PX);
      bB.m_sweep.c.x += bB.m_invMass * PX;
      bB.m_sweep.c.y += bB.m_invMass * PY;
      bB.m_sweep.a += bB.m_invI * (r[2] * PY - r[3] * PX);
      bA.SynchronizeTransform();
      bB.SynchronizeTransform();
      // 2. limit
      let angularError = 0;
      if (this.m_enableLimit && this.m_limitState != b2Joint.e_inactiveLimit) {
        const angle = bB.m_sweep.a - bA.m_sweep.a - this.m_referenceAngle;
        let impulse;
        if (this.m_limitState == b2Joint.e_equalLimits) {
          const C = clamp(angle, -S.b2_maxAngularCorrection, S.b2_maxAngularCorrection);
          impulse = -this.m_motorMass * C;
          angularError = Math.abs(C);
        } else {
          const lower = this.m_limitState == b2Joint.e_atLowerLimit;
          let C = angle - (lower ? this.m_lowerAngle : this.m_upperAngle);
          angularError = Math.max(0, lower ? -C : C);
          C = lower ? clamp(C + S.b2_angularSlop, -S.b2_maxAngularCorrection, 0)
            : clamp(C - S.b2_angularSlop, 0, S.b2_maxAngularCorrection);
          const old = this.m_limitPositionImpulse20;
          const acc = old - this.m_motorMass * C;
          this.m_limitPositionImpulse20 = lower ? Math.max(acc, 0) : Math.min(acc, 0);
          impulse = this.m_limitPositionImpulse20 - old;
        }
        bA.m_sweep.a -= bA.m_invI * impulse;
        bB.m_sweep.a += bB.m_invI * impulse;
        bA.SynchronizeTransform();
        bB.SynchronizeTransform();
      }
      return positionError <= S.b2_linearSlop && angularError <= S.b2_angularSlop;
    };
  }

  const KEY = { Q: 1, W: 2, O: 4, P: 8 };
  const HIPS = ['leftHip', 'rightHip'];

  // ---------------------------------------------------------------------------------------------
  function createGame(opts) {
    opts = opts || {};
    const Box2D = opts.Box2D ? prepareBox2D(opts.Box2D) : loadBox2D();
    const C = opts.constants || loadConstants();

    const b2Vec2 = Box2D.Common.Math.b2Vec2;
    const b2Settings = Box2D.Common.b2Settings;
    const D = Box2D.Dynamics;
    const b2World = D.b2World;
    const b2Body = D.b2Body;
    const b2BodyDef = D.b2BodyDef;
    const b2FixtureDef = D.b2FixtureDef;
    const b2PolygonShape = Box2D.Collision.Shapes.b2PolygonShape;
    const b2RevoluteJointDef = D.Joints.b2RevoluteJointDef;
    const b2WorldManifold = Box2D.Collision.b2WorldManifold;

    const W = C.world;
    const PX = W.px_per_unit;
    const keyBits = Object.assign({}, KEY, C.keys || {});
    const order = C.state_body_order;
    const rules = C.rules;
    const track = C.track;
    const tileW = track.tile_width_px / PX; // world units between tile centres
    const nTiles = track.tiles_under_camera;
    // The camera's x in px follows the torso (track.camera_offset_px, fitted: FIDELITY.md).
    const camOffset = track.camera_offset_px || 0;
    const fallParts = new Set(rules.fall_parts);
    const feet = new Set(rules.feet);
    const clockPerFrame = C.clock_per_frame;

    // Box2D 2.1a keeps these as globals of the engine (not per world): set them before every step
    // so that two games with different constants sharing one Box2D still behave.
    function applyEngineSettings() {
      b2World.m_continuousPhysics = !!W.continuous_collision;
      if (W.warm_starting !== undefined) b2World.m_warmStarting = !!W.warm_starting;
      if (W.contact_baumgarte !== undefined) b2Settings.b2_contactBaumgarte = W.contact_baumgarte;
    }

    let world, bodies, joints, tileBodies, hurdleBodies, g;
    let fixtureRank = 0;
    let contactLog = [];

    // ------------------------------------------------------------------ world construction
    function boxFixture(hx, hy, density, friction, category, mask) {
      const fd = new b2FixtureDef();
      const shape = new b2PolygonShape();
      shape.SetAsBox(hx, hy);
      fd.shape = shape;
      fd.density = density;
      fd.friction = friction;
      fd.restitution = W.restitution || 0;
      if (category !== undefined) fd.filter.categoryBits = category;
      if (mask !== undefined) fd.filter.maskBits = mask;
      return fd;
    }

    function makeBody(type, x, y, angle, fixtureDef, userData, awake) {
      const bd = new b2BodyDef();
      bd.type = type;
      bd.position.Set(x, y);
      bd.angle = angle || 0;
      if (awake === false) bd.awake = false;
      const body = world.CreateBody(bd);
      const fx = body.CreateFixture(fixtureDef);
      userData.rank = fixtureRank++;
      body.SetUserData(userData);
      fx.SetUserData(userData);
      return body;
    }

    function createJoint(jd) {
      const joint = world.CreateJoint(jd);
      if (W.revolute_solver === 'box2d_2.0') installBox2D20Revolute(Box2D, joint);
      return joint;
    }

    function createRunner() {
      const pf = C.player_filter;
      bodies = {};
      for (const name of C.creation_order) {
        const b = C.bodies[name];
        const fd = boxFixture(b.width_px / (2 * PX), b.height_px / (2 * PX), b.density, b.friction,
          pf.category, pf.mask);
        bodies[name] = makeBody(b2Body.b2_dynamicBody, b.x, b.y, b.angle, fd, { kind: 'runner', name });
      }
      joints = {};
      for (const j of jointsInCreationOrder()) {
        const A = bodies[j.body_a];
        const B = bodies[j.body_b];
        const jd = new b2RevoluteJointDef();
        jd.bodyA = A;
        jd.bodyB = B;
        // Local anchors: each body's own local point of its world anchor (the two world anchors
        // differ slightly in the original; keeping both reproduces its initial joint error).
        jd.localAnchorA = A.GetLocalPoint(new b2Vec2(j.anchor_a[0], j.anchor_a[1]));
        jd.localAnchorB = B.GetLocalPoint(new b2Vec2(j.anchor_b[0], j.anchor_b[1]));
        jd.referenceAngle = j.reference;
        jd.enableLimit = true;
        jd.lowerAngle = j.lower;
        jd.upperAngle = j.upper;
        jd.enableMotor = !!j.motor;
        jd.motorSpeed = 0;
        jd.maxMotorTorque = j.max_torque;
        joints[j.name] = createJoint(jd);
      }
    }

    // The joints in the original's creation order (qwop.json joint_creation_order; default: the
    // order of `joints`). Box2D solves joints in island order, which follows creation order.
    function jointsInCreationOrder() {
      if (!C.joint_creation_order) return C.joints;
      const byName = Object.fromEntries(C.joints.map((j) => [j.name, j]));
      return C.joint_creation_order.map((n) => byName[n]);
    }

    function createTrack() {
      tileBodies = [];
      for (let i = 0; i < nTiles; i++) {
        const fd = boxFixture(track.half_width, track.half_height, track.density, track.friction,
          track.category, track.mask);
        tileBodies.push(makeBody(b2Body.b2_staticBody, i * tileW, track.center_y, 0, fd,
          { kind: 'track', index: i }));
      }
    }

    function createStartBlock() {
      const s = C.start_block;
      const fd = boxFixture(s.width_px / (2 * PX), s.height_px / (2 * PX), s.density || 1, s.friction);
      makeBody(b2Body.b2_staticBody, s.x, s.y, 0, fd, { kind: 'block' });
    }

    function createHurdle() {
      const h = C.hurdle;
      const asleep = h.asleep_at_start !== false;
      const mk = (p, name) => makeBody(b2Body.b2_dynamicBody, p.x, p.y, 0,
        boxFixture(p.width_px / (2 * PX), p.height_px / (2 * PX), p.density, p.friction,
          p.category, p.mask), { kind: 'hurdle', name }, !asleep);
      const base = mk(h.base, 'base');
      const top = mk(h.top, 'top');
      const jd = new b2RevoluteJointDef();
      jd.bodyA = top;
      jd.bodyB = base;
      jd.localAnchorA = new b2Vec2(h.joint.local_anchor_top[0], h.joint.local_anchor_top[1]);
      jd.localAnchorB = new b2Vec2(h.joint.local_anchor_base[0], h.joint.local_anchor_base[1]);
      jd.enableLimit = true;
      jd.lowerAngle = h.joint.lower;
      jd.upperAngle = h.joint.upper;
      createJoint(jd);
      hurdleBodies = { base, top };
    }

    function buildWorld() {
      applyEngineSettings();
      world = new b2World(new b2Vec2(W.gravity[0], W.gravity[1]), !!W.allow_sleep);
      // b2World's constructor resets the engine globals: set ours again.
      applyEngineSettings();
      createTrack();
      createStartBlock();
      createRunner();
      createHurdle();
      world.SetContactListener(makeListener());
      if (W.contact_pair_order === 'creation') orderPairsByCreation(world);
      placeTiles();
    }

    // Which fixture of a new contact is A matters (the collider's reference-face choice is
    // asymmetric, and the contact rules read A then B). Box2D proper orders a pair by proxy id, so
    // the fixture created first is A: the track is A against the runner. box2dweb compares proxy
    // objects with `<` (always false) and makes the moving proxy A instead: reorder here.
    function orderPairsByCreation(w) {
      const cm = w.m_contactManager;
      const addPair = Object.getPrototypeOf(cm).AddPair;
      cm.AddPair = function (proxyA, proxyB) {
        if (proxyA.GetUserData().rank > proxyB.GetUserData().rank) return addPair.call(this, proxyB, proxyA);
        return addPair.call(this, proxyA, proxyB);
      };
    }

    // ------------------------------------------------------------------ track tiles / camera
    function cameraXpx() {
      return bodies.torso.GetPosition().x * PX + camOffset;
    }

    // The original keeps three tiles under the camera, at (floor(camera_px / 640) + i) * 32.
    function placeTiles() {
      const first = Math.floor(cameraXpx() / track.tile_width_px);
      // Tile i always takes slot first + i: when the camera crosses a tile boundary all three
      // tiles move by one tile width and every track contact starts afresh (no warm start); the
      // recordings show exactly that (gait_d, frame 257; FIDELITY.md).
      for (let i = 0; i < tileBodies.length; i++) {
        const x = (first + i) * tileW + 0; // + 0: no -0
        const body = tileBodies[i];
        if (body.GetPosition().x !== x) body.SetPositionAndAngle(new b2Vec2(x, track.center_y), 0);
      }
    }

    // ------------------------------------------------------------------ contact rules
    function makeListener() {
      const listener = new D.b2ContactListener();
      const wm = new b2WorldManifold();
      listener.BeginContact = function (contact) {
        const a = contact.GetFixtureA().GetUserData();
        const b = contact.GetFixtureB().GetUserData();
        if (opts.logContacts) contactLog.push([g.frame, a.kind + ':' + (a.name || a.index), b.kind + ':' + (b.name || b.index)]);
        let part = null;
        // Fall: head, arm or forearm against the track, whichever fixture comes first.
        if (a.kind === 'track' && b.kind === 'runner') part = b.name;
        else if (b.kind === 'track' && a.kind === 'runner') part = a.name;
        if (part === null) return;
        contact.GetWorldManifold(wm);
        const n = contact.GetManifold().m_pointCount;
        let maxX = -Infinity;
        for (let i = 0; i < n; i++) maxX = Math.max(maxX, wm.m_points[i].x);
        if (fallParts.has(part)) onFall(maxX);
        else if (feet.has(part)) onFoot(part, maxX);
      };
      return listener;
    }

    function onFall(x) {
      if (g.fallen) return;
      g.fallen = true;
      g.distance = x * C.metres_per_unit;
      // A fall after the jump, before the landing, counts as a landing.
      if (g.jumped && !g.finished) g.finished = true;
    }

    function onFoot(part, x) {
      // Quirk of the original: only the left foot triggers jump and landing (see qwop.json).
      if (rules.foot_quirk_only_left && part !== 'leftFoot') return;
      if (x > rules.jump_x && !g.jumped) g.jumped = true;
      if (g.jumped && x > rules.sand_pit_x && !g.finished) {
        g.finished = true;
        g.distance = x * C.metres_per_unit;
      }
    }

    function ended() {
      return g.fallen || g.finished;
    }

    // When the game ends: hip motors off (limits stay); knee and shoulder motors and limits off.
    function applyEndOfGame() {
      if (g.endApplied) return;
      g.endApplied = true;
      const e = rules.end_of_game || {};
      if (e.hip_motors_off !== false) for (const h of HIPS) joints[h].EnableMotor(false);
      if (e.knee_and_shoulder_motors_and_limits_off !== false) {
        for (const n of ['leftKnee', 'rightKnee', 'leftShoulder', 'rightShoulder']) {
          joints[n].EnableMotor(false);
          joints[n].EnableLimit(false);
        }
      }
    }

    // ------------------------------------------------------------------ per-frame key rules
    function setSpeeds(speeds) {
      for (const name in speeds) joints[name].SetMotorSpeed(speeds[name]);
    }

    function setHipLimits(limits) {
      for (const h of HIPS) {
        const lim = limits[h];
        joints[h].SetLimits(lim[0], lim[1]);
        g.hipLimits[h] = [lim[0], lim[1]];
      }
    }

    function applyKeys(keys) {
      // Thighs (and arms): Q wins over W.
      if (keys & keyBits.Q) setSpeeds(rules.thighs.Q);
      else if (keys & keyBits.W) setSpeeds(rules.thighs.W);
      else setSpeeds(rules.thighs.none);
      // Calves: O wins over P; the hip limits stay as last set when neither is held.
      const calves = keys & keyBits.O ? rules.calves.O : keys & keyBits.P ? rules.calves.P : rules.calves.none;
      setSpeeds(calves.speeds);
      if (calves.hip_limits) setHipLimits(calves.hip_limits);
    }

    function applyHeadTorque() {
      const head = bodies.head;
      head.ApplyTorque(rules.head_torque.gain * (head.GetAngle() + rules.head_torque.offset));
    }

    function frame(keys) {
      if (ended()) return false; // the original stops its physics when the game ends
      g.clock += clockPerFrame; // 0
      if (!g.fallen) applyHeadTorque(); // 1
      applyKeys(keys); // 2, 3
      applyEngineSettings();
      world.Step(W.dt, W.velocity_iterations, W.position_iterations); // 4 (contact rules inside)
      // The original never clears forces: the head torque accumulates from frame to frame
      // (idle recordings: 2e-3 off by frame 5 with ClearForces, 1e-15 without).
      if (W.clear_forces) world.ClearForces();
      g.frame += 1;
      if (!g.finished) g.distance = bodies.torso.GetPosition().x * C.metres_per_unit; // 5
      if (ended()) applyEndOfGame(); // 6
      placeTiles(); // the camera follows the torso; the tiles follow the camera
      return true;
    }

    // ------------------------------------------------------------------ state
    function initialHipLimits() {
      const lim = {};
      for (const j of C.joints) if (HIPS.includes(j.name)) lim[j.name] = [j.lower, j.upper];
      return lim;
    }

    function bodyRow(b) {
      const p = b.GetPosition();
      const v = b.GetLinearVelocity();
      return [p.x, p.y, b.GetAngle(), v.x, v.y, b.GetAngularVelocity()];
    }

    function state() {
      return {
        bodies: order.map((n) => bodyRow(bodies[n])),
        distance: g.distance,
        clock: g.clock,
        frame: g.frame,
        fallen: g.fallen,
        jumped: g.jumped,
        finished: g.finished,
        hip_limits: { leftHip: g.hipLimits.leftHip.slice(), rightHip: g.hipLimits.rightHip.slice() },
        // for drawing only (the rules never read it): a knocked-over hurdle is drawn as it lies
        hurdle: hurdle(),
      };
    }

    function reset() {
      g = {
        clock: 0, frame: 0, fallen: false, jumped: false, finished: false, endApplied: false,
        distance: 0, hipLimits: initialHipLimits(),
      };
      contactLog = [];
      fixtureRank = 0;
      buildWorld();
      g.distance = bodies.torso.GetPosition().x * C.metres_per_unit;
      return state();
    }

    // Rebuilds the world (joints anchored in the start pose), then moves every body into the
    // given state. A fresh world has no contact history, so the result depends on `s` only.
    function setState(s) {
      reset();
      order.forEach((name, i) => {
        const r = s.bodies[i];
        const b = bodies[name];
        b.SetPositionAndAngle(new b2Vec2(r[0], r[1]), r[2]);
        b.SetLinearVelocity(new b2Vec2(r[3], r[4]));
        b.SetAngularVelocity(r[5]);
        b.SetAwake(true);
      });
      g.clock = s.clock !== undefined ? s.clock : 0;
      g.frame = s.frame !== undefined ? s.frame : 0;
      g.fallen = !!s.fallen;
      g.jumped = !!s.jumped;
      g.finished = !!s.finished;
      g.distance = s.distance !== undefined ? s.distance : bodies.torso.GetPosition().x * C.metres_per_unit;
      if (s.hip_limits) setHipLimits(s.hip_limits);
      if (ended()) applyEndOfGame();
      placeTiles();
      return state();
    }

    function step(keys, frames) {
      keys = keys | 0;
      const n = frames === undefined ? 1 : frames | 0;
      for (let i = 0; i < n; i++) if (!frame(keys)) break;
      return state();
    }

    function hurdle() {
      return { base: bodyRow(hurdleBodies.base), top: bodyRow(hurdleBodies.top) };
    }

    function debug() {
      const js = {};
      for (const name in joints) {
        const j = joints[name];
        js[name] = {
          motorSpeed: j.GetMotorSpeed(),
          motorEnabled: j.IsMotorEnabled(),
          maxMotorTorque: j.m_maxMotorTorque,
          limitEnabled: j.IsLimitEnabled(),
          lower: j.GetLowerLimit(),
          upper: j.GetUpperLimit(),
          angle: j.GetJointAngle(),
        };
      }
      const contacts = [];
      for (let c = world.GetContactList(); c; c = c.GetNext()) {
        if (!c.IsTouching()) continue;
        const a = c.GetFixtureA().GetUserData();
        const b = c.GetFixtureB().GetUserData();
        contacts.push([a.kind + ':' + (a.name !== undefined ? a.name : a.index),
          b.kind + ':' + (b.name !== undefined ? b.name : b.index)]);
      }
      return {
        joints: js, contacts, contactLog: contactLog.slice(), camera_x_px: cameraXpx(), tiles: tiles(),
        headTorque: bodies.head.m_torque, ended: ended(),
        awake: order.map((n) => bodies[n].IsAwake()),
      };
    }

    function tiles() {
      return tileBodies.map((b) => b.GetPosition().x);
    }

    reset();
    return {
      reset,
      step,
      state,
      setState,
      hurdle,
      tiles,
      debug,
      ended,
      get world() { return world; },
      get bodies() { return bodies; },
      get joints() { return joints; },
      get hurdleBodies() { return hurdleBodies; },
      constants: C,
      Box2D,
    };
  }

  return { createGame, prepareBox2D, loadConstants, KEYS: KEY };
});
