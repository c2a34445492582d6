"""Where recycling pays: the working grid, supply spread over it, catchment sums (direct and Huff), the profit surface, plant sizes and the least-cost allocation of supply to plants."""
