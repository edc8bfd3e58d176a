"""Drawing the game: the same look as the browser page (game/src/render.js), from qwop.json's "art".

    from qwop_sim.render import render_rgb, FrameRenderer, draw_surface
    frame = render_rgb(state, 64, 64)        # uint8 (64, 64, 3), no text: frame-qwop-v0's observation
    r = FrameRenderer(84, 84); frame = r(state)
    draw_surface(pygame_surface, state, hud=True, keys=5)   # the viewer's picture

`state` is a RawState, the protocol's JSON dict or a (12, 6) bodies array; the hurdle's pose comes
from `hurdle=` or a `hurdle` attribute/key ({"base": [x, y, angle], "top": [...]}), else it stands.
`python -m qwop_sim.render` is the viewer (see qwop_sim/render/viewer.py).
"""
from qwop_sim.render.draw import (  # noqa: F401
    Art,
    FrameRenderer,
    draw_hud,
    draw_surface,
    hud_text,
    hurdle_poses,
    rasterise,
    render_rgb,
    scene_shapes,
    surface_to_rgb,
)

__all__ = ["Art", "FrameRenderer", "draw_hud", "draw_surface", "hud_text", "hurdle_poses", "rasterise",
           "render_rgb", "scene_shapes", "surface_to_rgb"]
