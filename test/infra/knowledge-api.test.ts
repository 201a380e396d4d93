import { KNOWLEDGE_ROUTE_KEYS } from '#lambdas/knowledge-api/api-contract.ts';
import { buildApp } from '../support/app.ts';
import { actionsOn, functionNamed, serviceActions, statementsOf } from '../support/grants.ts';
import { expectInvokedByApiGateway, expectStaffApiRoutes } from '../support/staff-api.ts';

const { contactCentre, template } = buildApp('prod', {}, { bundle: false });
const centre = template(contactCentre);

describe('knowledge API', () => {
  const fn = functionNamed(centre, 'KnowledgeFunction');
  const statements = statementsOf(centre, 'KnowledgeFunction');

  it('routes every /knowledge route on the staff API, behind its Cognito authorizer', () => {
    expect(KNOWLEDGE_ROUTE_KEYS).toEqual(
      expect.arrayContaining(['GET /knowledge/search', 'GET /knowledge/articles/{id}']),
    );
    expectStaffApiRoutes(centre, fn.logicalId, KNOWLEDGE_ROUTE_KEYS);
  });

  it('keeps articles, versions and the search index in the service-data table only, within the HTTP API timeout', () => {
    expect(fn.properties.Timeout).toBe(29);
    expect(fn.properties.MemorySize).toBe(1024);
    expect(fn.properties.Environment.Variables).toMatchObject({
      SERVICE_DATA_TABLE_NAME: expect.anything(),
      TIME_ZONE: 'Africa/Nairobi',
      POWERTOOLS_SERVICE_NAME: 'huduma-knowledge-api',
    });
    const dynamodb = serviceActions(statements, 'dynamodb:');
    // Versions, publication and the index chunks are written; a replaced index generation deleted.
    expect(dynamodb).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
      ]),
    );
    expect(dynamodb).not.toContain('dynamodb:Scan');
    expect(actionsOn(statements, /DataServiceData/)).toEqual(dynamodb);
    expect(actionsOn(statements, /DataTickets/)).toEqual([]);
    expect(actionsOn(statements, /DataCallLogs/)).toEqual([]);
  });

  it('may be invoked by its API only', () => {
    expectInvokedByApiGateway(centre, fn.logicalId);
  });
});
