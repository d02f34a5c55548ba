"""Geometry of the trend chart (a bar per audit run); the SVG markup is in the template."""

from dataclasses import dataclass

CHART_WIDTH = 640
CHART_HEIGHT = 220
PLOT_TOP = 16
PLOT_BOTTOM = 180  # Bars end here; run labels go underneath.
PLOT_LEFT = 48
BAR_GAP = 8
MAX_BAR_WIDTH = 56


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    label_x: float
    value_y: float  # Where the value is written, just above the bar.


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
                x=round(x, 1),
                y=round(PLOT_BOTTOM - height, 1),
                width=round(width, 1),
                height=round(height, 1),
                value=point.violations,
                label=label_of(point),
                label_x=round(x + width / 2, 1),
                value_y=round(PLOT_BOTTOM - height - 4, 1),
            )
        )
    return result


def axis(points):
    """The y axis: its top value and where the ticks sit."""
    largest = max((point.violations for point in points), default=0)
    return {
        "top": largest,
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
