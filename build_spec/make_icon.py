"""Draw the app icon (an open book: German lines on the left, English on the right).

Run once when the design changes: `python build_spec/make_icon.py` writes build_spec/icon.png
(PyInstaller turns it into .ico/.icns with Pillow) and reader/data/icon.png (the window icon).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 512
HERE = Path(__file__).parent


def draw_icon() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=(32, 52, 88))
    left_page = (70, 110, 250, 410)
    right_page = (262, 110, 442, 410)
    for page in (left_page, right_page):
        draw.rounded_rectangle(page, radius=18, fill=(250, 248, 240))
    line_colours = ((40, 40, 40), (30, 110, 200))
    for page, colour in zip((left_page, right_page), line_colours, strict=True):
        x0, y0, x1, _ = page
        for row in range(7):
            y = y0 + 40 + row * 36
            width = (x1 - x0 - 50) if row % 3 != 2 else (x1 - x0 - 90)
            draw.rounded_rectangle((x0 + 25, y, x0 + 25 + width, y + 12), radius=6, fill=colour)
    # a gold highlight marks a glossary term on the German page
    draw.rounded_rectangle((95, 186, 185, 206), radius=8, fill=(230, 170, 30))
    return image


if __name__ == "__main__":
    icon = draw_icon()
    icon.save(HERE / "icon.png")
    icon.resize((128, 128), Image.Resampling.LANCZOS).save(
        HERE.parent / "reader" / "data" / "icon.png"
    )
