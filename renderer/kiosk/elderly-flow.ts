// The pure parts of the older customers' flow and the fraud prompt: which choices it offers,
// which choice "请大堂经理帮我" names in the help alert, and the voice clip of each step.
import type { KioskChoice } from '../../main/common/kiosk';

export const hasFraudPrompt = (c: KioskChoice): boolean => c.fraudPrompt === true;

/** The steps a voice prompt speaks at; `ticket` is the older customer's ticket. */
export type VoiceStep = 'swipe' | 'choose' | 'fraud' | 'ticket';

const CLIPS: Record<VoiceStep, string> = {
  swipe: 'elderly-swipe',
  choose: 'elderly-choose',
  fraud: 'fraud-warning',
  ticket: 'elderly-ticket',
};

/** The clip of a step in the kiosk's language (resources/voice/{zh,en}/<clip>.ogg). */
export function clipFor(step: VoiceStep, language: string): string {
  return `${language.startsWith('en') ? 'en' : 'zh'}/${CLIPS[step]}`;
}

/** An older customer is offered the choices that give a ticket: no self-service, no "something else". */
export function elderlyChoices(choices: KioskChoice[]): KioskChoice[] {
  return choices.filter((c) => c.service !== null && c.selfService === null);
}

/**
 * The choice the help alert names (the hub's kiosk_help needs one): the one the customer is
 * on, else the branch's "ask the manager" choice, else the first. Null only with no choices.
 */
export function helpChoice(choices: KioskChoice[], current: KioskChoice | null): KioskChoice | null {
  return current ?? choices.find((c) => c.service === null && c.selfService === null) ?? choices[0] ?? null;
}
