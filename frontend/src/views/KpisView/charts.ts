// The ECharts parts the KPI view uses, registered once (tree-shaken: only bar and heat-map charts,
// the canvas renderer and the components they need). No remote resources are loaded.
import { use } from 'echarts/core'
import { BarChart, HeatmapChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])
