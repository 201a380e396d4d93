/** The public chat API's routes, as API Gateway (REST) names them: method and resource. */
export const WEB_CHAT_ROUTE_KEYS = ['POST /chat/messages', 'POST /chat/survey'] as const;
export type WebChatRouteKey = (typeof WEB_CHAT_ROUTE_KEYS)[number];
