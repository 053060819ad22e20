"""Draw the demo site's illustrations (programmes/demo/images/*.png) with Pillow: flat shapes, no photographs,
nothing downloaded. Run again after changing a drawing: ``.venv/bin/python scripts/draw_demo_images.py``.

Each image is 1600 × 900 (the topic hero's largest rendition is 1440 × 810) in a small palette, so
the PNG files stay far below 60 KB. programmes/demo/content_de.py (IMAGES) names them, with their texts.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "programmes" / "demo" / "images"
SIZE = (1600, 900)
SKY, GROUND, DARK, SAND, WHITE = "#cfe6f2", "#8fbf7a", "#2f3e46", "#e9d8a6", "#ffffff"


def canvas(sky=SKY, ground=GROUND, horizon=640):
    image = Image.new("RGB", SIZE, sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=ground)
    return image, draw


def town_hall():
    """A town hall with arcades and a clock tower under a blue sky."""
    image, draw = canvas(ground=SAND)
    draw.ellipse([1300, 90, 1440, 230], fill="#f4c95d")
    draw.rectangle([380, 330, 1220, 660], fill=WHITE, outline=DARK, width=6)
    draw.rectangle([700, 140, 900, 330], fill=WHITE, outline=DARK, width=6)
    draw.polygon([(680, 140), (800, 60), (920, 140)], fill="#c8553d", outline=DARK)
    draw.ellipse([745, 180, 855, 290], fill=SKY, outline=DARK, width=6)
    draw.line([800, 235, 800, 195], fill=DARK, width=6)
    draw.line([800, 235, 830, 235], fill=DARK, width=6)
    for left in range(430, 1180, 150):
        draw.rectangle([left, 480, left + 90, 660], fill="#5b8e7d")
        draw.ellipse([left, 435, left + 90, 525], fill="#5b8e7d")
        draw.rectangle([left + 10, 370, left + 80, 420], fill=SKY, outline=DARK, width=4)
    return image


def waste_sorting():
    """Three waste containers (paper, plastic, glass) in front of a row of houses."""
    image, draw = canvas()
    for left, colour in ((120, "#d9a441"), (420, "#c8553d"), (1000, "#a3b18a"), (1300, "#d9a441")):
        draw.rectangle([left, 300, left + 220, 640], fill=colour, outline=DARK, width=5)
        draw.polygon([(left - 20, 300), (left + 110, 200), (left + 240, 300)], fill="#6b4f4f")
    for left, colour in ((520, "#3d6fb6"), (760, "#f2c14e"), (1000, "#2a9d8f")):
        draw.rounded_rectangle([left, 520, left + 200, 820], radius=18, fill=colour, outline=DARK, width=6)
        draw.rectangle([left - 10, 500, left + 210, 540], fill=DARK)
        draw.ellipse([left + 20, 800, left + 60, 840], fill=DARK)
        draw.ellipse([left + 140, 800, left + 180, 840], fill=DARK)
    return image


def solar_roofs():
    """Solar panels on flat roofs, the sun above."""
    image, draw = canvas()
    draw.ellipse([120, 80, 300, 260], fill="#f4c95d")
    for left, top in ((200, 420), (640, 360), (1080, 440)):
        draw.rectangle([left, top, left + 360, 720], fill=WHITE, outline=DARK, width=6)
        for column in range(3):
            x = left + 20 + column * 112
            draw.polygon([(x, top - 10), (x + 100, top - 10), (x + 80, top - 90), (x + 20, top - 90)], fill="#23395b")
            draw.line([x + 50, top - 90, x + 50, top - 10], fill="#8fb8de", width=3)
        draw.rectangle([left + 140, top + 160, left + 220, 720], fill="#6b4f4f")
    return image


def park():
    """A park with trees, a path and a bench."""
    image, draw = canvas(horizon=520)
    draw.polygon([(700, 900), (900, 900), (840, 520), (780, 520)], fill=SAND)
    for x, y, r in ((220, 420, 130), (520, 380, 110), (1150, 400, 140), (1420, 440, 110), (960, 330, 90)):
        draw.rectangle([x - 18, y, x + 18, y + 260], fill="#6b4f4f")
        draw.ellipse([x - r, y - r, x + r, y + r], fill="#3a7d44")
    draw.rectangle([1000, 700, 1260, 730], fill="#6b4f4f")
    draw.rectangle([1000, 650, 1260, 670], fill="#6b4f4f")
    draw.rectangle([1015, 730, 1035, 790], fill=DARK)
    draw.rectangle([1225, 730, 1245, 790], fill=DARK)
    return image


def partnership():
    """Two towns, one on each bank, joined by a bridge: a municipal partnership."""
    image, draw = canvas(ground="#9cc5a1", horizon=560)
    draw.rectangle([560, 560, 1040, 900], fill="#5fa8d3")
    draw.arc([520, 360, 1080, 760], start=180, end=360, fill=DARK, width=18)
    draw.rectangle([500, 540, 1100, 570], fill=DARK)
    for left, height, colour in ((60, 220, WHITE), (190, 300, SAND), (330, 180, WHITE)):
        draw.rectangle([left, 560 - height, left + 110, 560], fill=colour, outline=DARK, width=5)
    draw.ellipse([355, 320, 415, 380], fill=WHITE, outline=DARK, width=5)  # a dome
    for left, height, colour in ((1150, 260, "#c8553d"), (1290, 200, WHITE), (1420, 280, SAND)):
        draw.rectangle([left, 560 - height, left + 110, 560], fill=colour, outline=DARK, width=5)
        draw.polygon([(left - 10, 560 - height), (left + 55, 500 - height), (left + 120, 560 - height)], fill=DARK)
    return image


DRAWINGS = {
    "rathaus.png": town_hall,
    "abfalltrennung.png": waste_sorting,
    "solardaecher.png": solar_roofs,
    "park.png": park,
    "partnerschaft.png": partnership,
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in DRAWINGS.items():
        path = OUT / name
        # An adaptive palette of a few colours: flat drawings lose nothing and the files stay small.
        draw().quantize(colors=16).save(path, optimize=True)
        print(f"{path.relative_to(OUT.parent.parent.parent)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
