"""Geometry of the trend chart (a bar per audit run); the SVG markup is in the template.

Coordinates are handed to the template as strings with a decimal point (`svg_number`): a float
in a template is localised, and az and ru would write `x="56,0"`, which SVG cannot read.
"""

from dataclasses import dataclass

CHART_WIDTH = 640
CHART_HEIGHT = 220
PLOT_TOP = 16
PLOT_BOTTOM = 180  # Bars end here; run labels go underneath.
PLOT_LEFT = 48
BAR_GAP = 8
MAX_BAR_WIDTH = 56


def svg_number(value):
    """A coordinate as SVG reads it, whatever the language: "56.0", never "56,0"."""
    return f"{value:.1f}"


@dataclass
class Bar:
    x: str
    y: str
    width: str
    height: str
    value: int
    label: str
    label_x: str
    value_y: str  # Where the value is written, just above the bar.


def bars(points, label_of):
    """One bar per trend point, scaled to the largest value (zero-height bars stay visible)."""
    if not points:
        return []
    largest = max(point.violations for point in points) or 1
    plot_width = CHART_WIDTH - PLOT_LEFT - BAR_GAP
    slot = plot_width / len(points)
    width = min(max(slot - BAR_GAP, 4), MAX_BAR_WIDTH)
    plot_height = PLOT_BOTTOM - PLOT_TOP
    result = []
    for index, point in enumerate(points):
        height = max(plot_height * point.violations / largest, 1)
        x = PLOT_LEFT + BAR_GAP + index * slot
        result.append(
            Bar(
                x=svg_number(x),
                y=svg_number(PLOT_BOTTOM - height),
                width=svg_number(width),
                height=svg_number(height),
                value=point.violations,
                label=label_of(point),
                label_x=svg_number(x + width / 2),
                value_y=svg_number(PLOT_BOTTOM - height - 4),
            )
        )
    return result


def axis(points):
    """The y axis: its top value and where the ticks sit."""
    largest = max((point.violations for point in points), default=0)
    geometry = {
        "top_y": PLOT_TOP,
        "bottom_y": PLOT_BOTTOM,
        "left_x": PLOT_LEFT,
        "right_x": CHART_WIDTH,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "label_y": PLOT_BOTTOM + 18,
        "top_label_y": PLOT_TOP + 4,
        "axis_label_x": PLOT_LEFT - 6,
    }
    return {"top": largest, **{name: svg_number(value) for name, value in geometry.items()}}
