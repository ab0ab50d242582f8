// Speaks one step's prompt to an older customer when the step appears, and again when the
// customer switches language; renders nothing visible (the clip's name is kept on a hidden
// element so an e2e test can see what was said).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { playClips } from '../ui/play-clips';
import { clipFor, type VoiceStep } from './elderly-flow';

export function VoicePrompt({ step }: { step: VoiceStep }) {
  const { i18n } = useTranslation();
  const clip = clipFor(step, i18n.language);
  useEffect(() => {
    void playClips([clip]);
  }, [clip]);
  return <output hidden data-testid="voice" data-clips={clip} />;
}
