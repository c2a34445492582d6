"""Where recycling pays: the working grid, supply spread over it, catchment sums (direct and Huff), the profit surface, plant sizes and the least-cost allocation of supply to plants.

Modules: ``grid`` (grids, kernels, FFT convolution), ``extent`` (default and working grids, crop),
``spread`` (polygon supply by area), ``memory`` (memory guard), ``sources`` / ``sums`` /
``existing`` / ``huff`` / ``direct`` (catchment sums), ``surface_params`` and ``surface`` (the
profit surface), ``best`` (best locations), ``plant_size``; ``allocation_params``, ``arcs``,
``solver`` and ``allocation`` (least-cost allocation); ``provinces`` and ``validation`` (shared).
"""
