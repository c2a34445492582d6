"""Where retirements and recycling capacity do not meet: retirement-to-capacity ratios, natural-breaks classes, the bivariate city match and capital against compliance."""
