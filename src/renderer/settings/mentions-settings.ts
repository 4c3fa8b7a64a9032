/** Whether a message sends the user to Settings ("… in Settings."). */
export const mentionsSettings = (text: string): boolean => /\bin Settings\b/.test(text);
