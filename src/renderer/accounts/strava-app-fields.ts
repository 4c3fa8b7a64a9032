/** The Strava API app form's two fields, checked as the contract will check them, in plain words. */
export interface StravaAppProblems {
  clientId?: string;
  clientSecret?: string;
}

/** What is wrong with what the user typed, field by field; empty when it can be saved. */
export function checkStravaAppFields(clientId: string, clientSecret: string): StravaAppProblems {
  const problems: StravaAppProblems = {};
  if (clientId === '') problems.clientId = 'Enter the Client ID.';
  else if (!/^\d{1,20}$/.test(clientId))
    problems.clientId = 'The Client ID is a number, such as 123456.';
  if (clientSecret === '') problems.clientSecret = 'Enter the Client Secret.';
  else if (!/^[0-9a-f]{20,80}$/i.test(clientSecret))
    problems.clientSecret =
      'The Client Secret is a long code of digits and the letters a to f. Copy it from Strava again.';
  return problems;
}
