"""The Python twin of game/src/render.js: the same scene, the same rasterisation rule, the same pixels.

`render_rgb(state, width, height)` -> uint8 (height, width, 3), no text (agent frames).
`draw_surface(surface, state, hud=True, keys=0)` draws onto a pygame Surface (the viewer), with the
human HUD (distance, clock, keys held, "10m" labels, end screen) when `hud` is true.

The rule (kept operation for operation identical to render.js, so both give the same floats):
    scale = H / camera.view_height; cx = torso x + camera.offset_x; cy = camera.center_y
    px = (x - cx) * scale + W / 2, py = (y - cy) * scale + H / 2
    a pixel (i, j) takes the colour of the last shape containing its centre (i + 0.5, j + 0.5);
    bands [x0, x1): columns ceil(x0 - 0.5) .. ceil(x1 - 0.5) - 1; boxes: dx = (i + 0.5) - bx,
    dy = (j + 0.5) - by, u = dx*c + dy*s, v = dy*c - dx*s, inside iff |u| <= hw and |v| <= hh
    (ellipse: u*u/(hw*hw) + v*v/(hh*hh) <= 1); markers: n = max(1, floor(w + 0.5)) columns
    starting at floor(xc - n/2 + 0.5).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from qwop_sim.constants import C

KEY_NAMES = (("Q", 1), ("W", 2), ("O", 4), ("P", 8))
_INF = 1e9


def _shade(rgb: Sequence[int], f: float) -> tuple[int, int, int]:
    return tuple(int(math.floor(c * f + 0.5)) for c in rgb)  # type: ignore[return-value]


@dataclass(frozen=True)
class _Part:
    index: int
    hw: float  # half width, world units
    hh: float
    rgb: tuple[int, int, int]
    ellipse: bool


class Art:
    """The "art" section of qwop.json, precomputed (the same numbers render.js derives)."""

    def __init__(self, constants: dict[str, Any] = C):
        art = constants["art"]
        col = {k: tuple(int(c) for c in v) for k, v in art["colours"].items()}
        ppu = constants["world"]["px_per_unit"]
        order = {n: i for i, n in enumerate(constants["state_body_order"])}
        self.art = art
        self.col = col
        self.runner: list[_Part] = []
        for name in art["draw_order"]:
            b = constants["bodies"][name]
            rgb = col[art["body_colours"][name]]
            if name.startswith("left"):
                rgb = _shade(rgb, art["far_side_shade"])
            self.runner.append(_Part(order[name], b["width_px"] / ppu / 2, b["height_px"] / ppu / 2,
                                     rgb, name == "head" and art.get("head_shape") == "ellipse"))
        h = constants["hurdle"]
        self.hurdle_base = (h["base"]["width_px"] / ppu / 2, h["base"]["height_px"] / ppu / 2,
                            col["hurdle_base"])
        self.hurdle_top = (h["top"]["width_px"] / ppu / 2, h["top"]["height_px"] / ppu / 2,
                           col["hurdle_top"])
        self.hurdle_start = ((h["base"]["x"], h["base"]["y"], 0.0), (h["top"]["x"], h["top"]["y"], 0.0))
        sb = constants["start_block"]
        self.block = (sb["x"], sb["y"], sb["width_px"] / ppu / 2, sb["height_px"] / ppu / 2)
        tr = constants["track"]
        self.track_top = tr["top_y"]
        self.track_bottom = tr["center_y"] + tr["half_height"]
        self.edge = art.get("track_edge_units", 0)
        self.marker_units = art["marker_every_m"] / constants["metres_per_unit"]
        self.metres_per_unit = constants["metres_per_unit"]
        cam = art["camera"]
        self.offset_x, self.center_y, self.view_height = cam["offset_x"], cam["center_y"], cam["view_height"]


@lru_cache(maxsize=1)
def default_art() -> Art:
    return Art(C)


# ---- state access --------------------------------------------------------------------------------
def _bodies(state: Any) -> np.ndarray:
    if isinstance(state, dict):
        b = state["bodies"]
    elif hasattr(state, "bodies"):
        b = state.bodies
    else:
        b = state
    b = np.asarray(b, dtype=np.float64)
    return b.reshape(-1, 6) if b.ndim == 1 else b


def _get(state: Any, name: str, default: Any = None) -> Any:
    if isinstance(state, dict):
        return state.get(name, default)
    return getattr(state, name, default)


def hurdle_poses(state: Any = None, hurdle: Any = None, art: Art | None = None):
    """((x, y, angle) base, (x, y, angle) top): from `hurdle`, else state.hurdle, else standing."""
    art = art or default_art()
    h = hurdle if hurdle is not None else (_get(state, "hurdle") if state is not None else None)
    if h is None:
        return art.hurdle_start
    if isinstance(h, dict):
        return tuple(h["base"][:3]), tuple(h["top"][:3])
    h = np.asarray(h, dtype=np.float64)
    return tuple(h[0, :3]), tuple(h[1, :3])


# ---- the scene -----------------------------------------------------------------------------------
def scene_shapes(state: Any, width: int, height: int, hurdle: Any = None, art: Art | None = None):
    """The painter's list of shapes in pixel coordinates, as render.js's sceneShapes builds it.

    Returns (shapes, labels, track_top_px, track_bottom_px) with shapes as tuples:
    ("band", x0, x1, y0, y1, rgb) | ("col", xc, w, y0, y1, rgb) | ("box"|"ellipse", bx, by, c, s, hw, hh, rgb)
    """
    a = art or default_art()
    W, H = width, height
    bodies = _bodies(state)
    cx = float(bodies[0, 0]) + a.offset_x
    cy = a.center_y
    k = H / a.view_height

    def X(x: float) -> float:
        return (x - cx) * k + W / 2

    def Y(y: float) -> float:
        return (y - cy) * k + H / 2

    col = a.col
    shapes: list[tuple] = [("band", -_INF, _INF, -_INF, _INF, col["sky"])]
    top, bottom = Y(a.track_top), Y(a.track_bottom)
    shapes.append(("band", -_INF, _INF, top, bottom, col["track"]))
    shapes.append(("band", -_INF, _INF, bottom, _INF, col["below_track"]))
    sp = a.art["sand_pit"]
    shapes.append(("band", X(sp["from_x"]), X(sp["to_x"]), top, bottom, col["sand"]))
    left = cx - W / 2 / k - 1
    right = cx + W / 2 / k + 1
    labels = []
    m = math.ceil(left / a.marker_units)
    while m * a.marker_units <= right:
        x = m * a.marker_units
        shapes.append(("col", X(x), a.art["marker_width_units"] * k, top, bottom, col["marker"]))
        labels.append((X(x), int(math.floor(x * a.metres_per_unit + 0.5))))
        m += 1
    if a.edge > 0:
        shapes.append(("band", -_INF, _INF, top, Y(a.track_top + a.edge), col["track_edge"]))
    bx, by, bhw, bhh = a.block
    shapes.append(("box", X(bx), Y(by), 1.0, 0.0, bhw * k, bhh * k, col["start_block"]))
    base, topp = hurdle_poses(state, hurdle, a)
    for (hw, hh, rgb), p in ((a.hurdle_base, base), (a.hurdle_top, topp)):
        shapes.append(("box", X(p[0]), Y(p[1]), math.cos(p[2]), math.sin(p[2]), hw * k, hh * k, rgb))
    for part in a.runner:
        x, y, ang = bodies[part.index, :3]
        shapes.append(("ellipse" if part.ellipse else "box", X(float(x)), Y(float(y)),
                       math.cos(ang), math.sin(ang), part.hw * k, part.hh * k, part.rgb))
    return shapes, labels, top, bottom


def _clamp(v: int, lo: int, hi: int) -> int:
    return lo if v < lo else (hi if v > hi else v)


_CENTRES = np.arange(8192, dtype=np.float64) + 0.5  # pixel centres i + 0.5 (exact in float64)


def _pack(rgb) -> int:
    return int(rgb[0]) | (int(rgb[1]) << 8) | (int(rgb[2]) << 16)


def rasterise(shapes, out: np.ndarray) -> np.ndarray:
    """Fill `out` (H, W, 3) uint8 with the shapes by the shared pixel-centre rule."""
    H, W = out.shape[:2]
    buf = np.empty((H, W), dtype="<u4")  # packed RGB: one write per pixel, not three
    ceil, floor = math.ceil, math.floor
    for sh in shapes:
        kind = sh[0]
        if kind == "band" or kind == "col":
            if kind == "band":
                i0, i1 = ceil(sh[1] - 0.5), ceil(sh[2] - 0.5)
            else:
                n = max(1, floor(sh[2] + 0.5))
                i0 = floor(sh[1] - n / 2 + 0.5)
                i1 = i0 + n
            j0, j1 = _clamp(ceil(sh[3] - 0.5), 0, H), _clamp(ceil(sh[4] - 0.5), 0, H)
            i0, i1 = _clamp(i0, 0, W), _clamp(i1, 0, W)
            if i1 > i0 and j1 > j0:
                buf[j0:j1, i0:i1] = _pack(sh[5])
            continue
        _, bx, by, c, s, hw, hh, rgb = sh
        ex = abs(c) * hw + abs(s) * hh
        ey = abs(s) * hw + abs(c) * hh
        i0, i1 = _clamp(ceil(bx - ex - 0.5), 0, W), _clamp(floor(bx + ex - 0.5) + 1, 0, W)
        j0, j1 = _clamp(ceil(by - ey - 0.5), 0, H), _clamp(floor(by + ey - 0.5) + 1, 0, H)
        if i1 <= i0 or j1 <= j0:
            continue
        dx = _CENTRES[i0:i1] - bx if i1 <= len(_CENTRES) else (np.arange(i0, i1) + 0.5) - bx
        dy = (_CENTRES[j0:j1] - by if j1 <= len(_CENTRES) else (np.arange(j0, j1) + 0.5) - by)[:, None]
        u = dx * c + dy * s
        v = dy * c - dx * s
        if kind == "ellipse":
            inside = (u * u / (hw * hw) + v * v / (hh * hh)) <= 1
        else:
            np.abs(u, out=u)
            np.abs(v, out=v)
            inside = (u <= hw) & (v <= hh)
        np.copyto(buf[j0:j1, i0:i1], _pack(rgb), where=inside)
    out[...] = buf.view(np.uint8).reshape(H, W, 4)[:, :, :3]
    return out


def render_rgb(state: Any, width: int = 64, height: int = 64, hurdle: Any = None,
               out: np.ndarray | None = None, art: Art | None = None) -> np.ndarray:
    """The agent frame: uint8 (height, width, 3), no text. `state`: RawState, protocol dict or (12, 6)."""
    if out is None:
        out = np.empty((height, width, 3), dtype=np.uint8)
    shapes = scene_shapes(state, width, height, hurdle, art)[0]
    return rasterise(shapes, out)


class FrameRenderer:
    """Reusable renderer of one size (keeps its buffer; `render` returns a fresh copy unless copy=False)."""

    def __init__(self, width: int = 64, height: int = 64, art: Art | None = None):
        self.width, self.height = int(width), int(height)
        self.art = art or default_art()
        self._buf = np.empty((self.height, self.width, 3), dtype=np.uint8)

    def render(self, state: Any, hurdle: Any = None, copy: bool = True) -> np.ndarray:
        render_rgb(state, self.width, self.height, hurdle, self._buf, self.art)
        return self._buf.copy() if copy else self._buf

    __call__ = render


# ---- pygame ----------------------------------------------------------------------------------------
def hud_text(state: Any) -> dict[str, str | None]:
    """The HUD's strings (as render.js's hudText)."""
    d = f"{float(_get(state, 'distance', 0.0) or 0.0):.1f}"
    t = f"{float(_get(state, 'clock', 0.0) or 0.0):.1f}"
    end = None
    if _get(state, "finished", False):
        end = f"{d} metres in {t} seconds"
    elif _get(state, "fallen", False):
        end = f"{d} metres"
    return {"distance": f"{d} metres", "clock": f"{t} s", "end": end}


_fonts: dict[tuple[int, bool], Any] = {}


def _font(size: int, bold: bool = False):
    import pygame

    if not pygame.font.get_init():
        pygame.font.init()
    key = (size, bold)
    if key not in _fonts:
        # the canvas's "sans-serif" is Liberation Sans / Arial on most Linux boxes: take the same
        path = pygame.font.match_font("liberationsans,arial,helvetica,dejavusans", bold=bold)
        if path:
            f = pygame.font.Font(path, size)
        else:  # pygame's own font (freesansbold): its size is not CSS px, ~1.35x for the same height
            f = pygame.font.Font(None, int(round(size * 1.35)))
        _fonts[key] = f
    return _fonts[key]


def _blit_text(surface, text: str, size: int, rgb, pos, anchor: str, bold: bool = False) -> None:
    """Text placed as the canvas places it: anchor "topleft"/"midtop" is textBaseline 'top' (the top
    of the em box), "center" is textBaseline 'middle' (its middle), with textAlign left/center."""
    font = _font(size, bold)
    img = font.render(text, True, rgb)
    asc, desc = font.get_ascent(), -font.get_descent()
    em_top = size * asc / (asc + desc) if asc + desc > 0 else asc  # baseline below the em box's top
    x, y = pos
    baseline = y + em_top if anchor in ("topleft", "midtop") else y + em_top - size / 2
    left = x if anchor == "topleft" else x - img.get_width() / 2
    surface.blit(img, (int(round(left)), int(round(baseline - asc))))


def draw_hud(surface, state: Any, keys: int = 0, labels=(), track_top: float = 0.0,
             track_bottom: float = 0.0) -> None:
    """The human HUD, laid out as render.js's drawHud (fractions of the height)."""
    import pygame

    W, H = surface.get_size()
    col = default_art().col
    text = hud_text(state)
    big = max(10, round(H * 0.07))
    small = max(8, round(H * 0.045))
    for x, metres in labels:
        _blit_text(surface, f"{metres}m", small, col["marker"],
                   (x + 3, track_top + (track_bottom - track_top) * 0.35), "topleft", True)
    _blit_text(surface, text["distance"], big, col["hud_text"], (W / 2, round(H * 0.03)), "midtop", True)
    _blit_text(surface, text["clock"], small, col["hud_text"], (round(H * 0.03), round(H * 0.03)), "topleft")
    box = round(H * 0.07)
    gap = round(box * 0.25)
    x = W - round(H * 0.03) - 4 * box - 3 * gap
    y = round(H * 0.03)
    for name, bit in KEY_NAMES:
        held = bool(keys & bit)
        if held:
            surface.fill(col["hud_text"], pygame.Rect(x, y, box, box))
        else:
            s = pygame.Surface((box, box), pygame.SRCALPHA)
            s.fill((*col["hud_text"], round(0.15 * 255)))
            surface.blit(s, (x, y))
        _blit_text(surface, name, round(box * 0.7), col["marker"] if held else col["hud_text"],
                   (x + box / 2, y + box / 2 + 1), "center", True)
        x += box + gap
    if text["end"]:
        panel = pygame.Surface((W, round(H * 0.3)), pygame.SRCALPHA)
        panel.fill((0, 0, 0, round(0.55 * 255)))
        surface.blit(panel, (0, round(H * 0.32)))
        _blit_text(surface, text["end"], round(H * 0.1), col["marker"], (W / 2, round(H * 0.38)), "midtop", True)
        _blit_text(surface, "press space to try again", small, col["marker"], (W / 2, round(H * 0.52)), "midtop")


def draw_surface(surface, state: Any, hud: bool = True, keys: int = 0, hurdle: Any = None) -> np.ndarray:
    """Draw the scene (and the HUD if `hud`) onto a pygame Surface; returns the scene's RGB array."""
    import pygame

    W, H = surface.get_size()
    shapes, labels, top, bottom = scene_shapes(state, W, H, hurdle)
    rgb = rasterise(shapes, np.empty((H, W, 3), dtype=np.uint8))
    pygame.surfarray.blit_array(surface, rgb.transpose(1, 0, 2))
    if hud:
        draw_hud(surface, state, keys, labels, top, bottom)
    return rgb


def surface_to_rgb(surface) -> np.ndarray:
    """A pygame Surface as uint8 (H, W, 3)."""
    import pygame

    return np.ascontiguousarray(pygame.surfarray.array3d(surface).transpose(1, 0, 2))
