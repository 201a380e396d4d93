import { Stack } from 'aws-cdk-lib';
import { CfnAnalysis, CfnDashboard, type CfnDataSet } from 'aws-cdk-lib/aws-quicksight';
import { Construct } from 'constructs';
import { DIALLED_OUT } from '#shared/kpi.ts';

export interface LakeDashboardProps {
  /** The contacts dataset (one row per contact, CONTACT_COLUMNS). */
  readonly dataSet: CfnDataSet;
  /** QuickSight user or group ARN of the analysts: co-owns the analysis, reads the dashboard. */
  readonly principalArn: string;
  /** Prefix of the analysis and dashboard ids, e.g. `huduma-prod-analytics`. */
  readonly idPrefix: string;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
}

type Definition = CfnDashboard.DashboardVersionDefinitionProperty;
type Visual = CfnDashboard.VisualProperty;

const DATA_SET = 'contacts';
const column = (columnName: string) => ({ dataSetIdentifier: DATA_SET, columnName });
const title = (plainText: string) => ({ visibility: 'VISIBLE', formatText: { plainText } });
const list = (values: Iterable<string>) => [...values].map((value) => `'${value}'`).join(', ');

const byDay = (fieldId: string) => ({
  dateDimensionField: { fieldId, column: column('day'), dateGranularity: 'DAY' },
});
/** A calculated field already aggregated: no aggregation of its own. */
const calculated = (name: string) => ({
  numericalMeasureField: { fieldId: name, column: column(name) },
});

const lineByDay = (
  visualId: string,
  text: string,
  values: CfnDashboard.MeasureFieldProperty[],
  colors?: CfnDashboard.DimensionFieldProperty[],
): Visual => ({
  lineChartVisual: {
    visualId,
    title: title(text),
    chartConfiguration: {
      fieldWells: {
        lineChartAggregatedFieldWells: {
          category: [byDay(`${visualId}-day`)],
          values,
          ...(colors && { colors }),
        },
      },
    },
  },
});

/**
 * The analysts' view of the lake in QuickSight, as code: an analysis (theirs to change and save
 * as their own) and a dashboard published from the same definition, over the contacts dataset:
 * calls per day by channel, average and longest handle time per agent, the CSAT and NPS trend,
 * containment and the service level (answered within the target over answered + abandoned,
 * the named queries' definitions). Both are shared with the analysts' principal.
 */
export class LakeDashboard extends Construct {
  readonly analysis: CfnAnalysis;
  readonly dashboard: CfnDashboard;

  constructor(scope: Construct, id: string, props: LakeDashboardProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const definition = lakeDefinition(props);
    this.analysis = new CfnAnalysis(this, 'Analysis', {
      awsAccountId: stack.account,
      analysisId: `${props.idPrefix}-analysis`,
      name: 'Huduma contact centre (analysis)',
      definition: definition as CfnAnalysis.AnalysisDefinitionProperty,
      permissions: [
        {
          principal: props.principalArn,
          actions: [
            'quicksight:DescribeAnalysis',
            'quicksight:DescribeAnalysisPermissions',
            'quicksight:QueryAnalysis',
            'quicksight:UpdateAnalysis',
            'quicksight:RestoreAnalysis',
          ],
        },
      ],
    });
    this.dashboard = new CfnDashboard(this, 'Dashboard', {
      awsAccountId: stack.account,
      dashboardId: `${props.idPrefix}-dashboard`,
      name: 'Huduma contact centre',
      versionDescription: 'Defined in CDK (lib/constructs/data-lake-dashboard.ts)',
      definition,
      dashboardPublishOptions: {
        adHocFilteringOption: { availabilityStatus: 'ENABLED' },
        exportToCsvOption: { availabilityStatus: 'ENABLED' },
        sheetControlsOption: { visibilityState: 'EXPANDED' },
      },
      permissions: [
        {
          principal: props.principalArn,
          actions: [
            'quicksight:DescribeDashboard',
            'quicksight:ListDashboardVersions',
            'quicksight:QueryDashboard',
          ],
        },
      ],
    });
    for (const resource of [this.analysis, this.dashboard])
      resource.addResourceDependency(props.dataSet);
  }
}

/** The sheet both the analysis and the dashboard show. */
export const lakeDefinition = ({
  dataSet,
  answerWithinSeconds,
}: LakeDashboardProps): Definition => {
  const inbound = `{initiation_method} = 'INBOUND'`;
  const queued = `notIn({initiation_method}, [${list(DIALLED_OUT)}]) AND ({outcome} = 'ABANDONED' OR ({outcome} = 'ANSWERED' AND isNotNull({queue_wait_seconds})))`;
  const calculatedFields = [
    { name: 'csat_pct', expression: 'sum(ifelse({csat} >= 4, 1, 0)) / count({csat}) * 100' },
    {
      name: 'nps_score',
      expression:
        '(sum(ifelse({nps} >= 9, 1, 0)) - sum(ifelse({nps} <= 6, 1, 0))) / count({nps}) * 100',
    },
    {
      name: 'containment_pct',
      expression: `sum(ifelse({outcome} = 'SELF_SERVICE' AND ${inbound}, 1, 0)) / sum(ifelse(${inbound}, 1, 0)) * 100`,
    },
    {
      name: 'service_level_pct',
      expression: `sum(ifelse(${queued} AND {outcome} = 'ANSWERED' AND {queue_wait_seconds} <= ${answerWithinSeconds}, 1, 0)) / sum(ifelse(${queued}, 1, 0)) * 100`,
    },
  ].map((field) => ({ dataSetIdentifier: DATA_SET, ...field }));

  const visuals: Visual[] = [
    lineByDay(
      'calls-per-day',
      'Calls per day, by channel',
      [
        {
          categoricalMeasureField: {
            fieldId: 'calls',
            column: column('contact_id'),
            aggregationFunction: 'COUNT',
          },
        },
      ],
      [{ categoricalDimensionField: { fieldId: 'calls-channel', column: column('channel') } }],
    ),
    {
      barChartVisual: {
        visualId: 'aht-per-agent',
        title: title('Handle time per agent (average and longest, seconds)'),
        chartConfiguration: {
          orientation: 'HORIZONTAL',
          fieldWells: {
            barChartAggregatedFieldWells: {
              category: [
                {
                  categoricalDimensionField: {
                    fieldId: 'agent',
                    column: column('agent_username'),
                  },
                },
              ],
              values: [
                {
                  numericalMeasureField: {
                    fieldId: 'aht',
                    column: column('handle_seconds'),
                    aggregationFunction: { simpleNumericalAggregation: 'AVERAGE' },
                  },
                },
                {
                  numericalMeasureField: {
                    fieldId: 'max-handle',
                    column: column('handle_seconds'),
                    aggregationFunction: { simpleNumericalAggregation: 'MAX' },
                  },
                },
              ],
            },
          },
        },
      },
    },
    lineByDay('satisfaction', 'CSAT (% 4-5) and NPS, per day', [
      calculated('csat_pct'),
      calculated('nps_score'),
    ]),
    lineByDay('containment', 'Containment: inbound calls that ended in self-service (%)', [
      calculated('containment_pct'),
    ]),
    lineByDay(
      'service-level',
      `Service level: answered within ${answerWithinSeconds} s over answered + abandoned (%)`,
      [calculated('service_level_pct')],
    ),
  ];
  const visualId = (visual: Visual) =>
    (visual.lineChartVisual as CfnDashboard.LineChartVisualProperty | undefined)?.visualId ??
    (visual.barChartVisual as CfnDashboard.BarChartVisualProperty).visualId;
  return {
    dataSetIdentifierDeclarations: [{ identifier: DATA_SET, dataSetArn: dataSet.attrArn }],
    calculatedFields,
    sheets: [
      {
        sheetId: 'overview',
        name: 'Overview',
        visuals,
        layouts: [
          {
            configuration: {
              gridLayout: {
                elements: visuals.map((visual, index) => ({
                  elementId: visualId(visual),
                  elementType: 'VISUAL',
                  columnIndex: (index % 2) * 18,
                  columnSpan: 18,
                  rowIndex: Math.floor(index / 2) * 12,
                  rowSpan: 12,
                })),
              },
            },
          },
        ],
      },
    ],
  };
};
