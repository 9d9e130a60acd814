// The sound settings: on or off, and how loud. Remembered with the other settings; a change of
// volume plays a short sample so the player hears what they chose.
import { installSound, play } from '../audio/synth.ts';
import { h } from './dom.ts';
import { settings, updateSettings } from './settings.ts';

export function soundControls(): HTMLElement[] {
  installSound();
  const toggle = h('input', { type: 'checkbox', id: 'setting-sound', checked: settings().sound });
  const volume = h('input', {
    type: 'range',
    id: 'setting-volume',
    min: 0,
    max: 100,
    step: 5,
    value: settings().volume,
    'aria-valuetext': `${settings().volume}%`,
    disabled: !settings().sound,
  });
  toggle.addEventListener('change', () => {
    updateSettings({ sound: toggle.checked });
    volume.disabled = !toggle.checked;
    if (toggle.checked) play(['choose']);
  });
  volume.addEventListener('input', () => {
    volume.setAttribute('aria-valuetext', `${volume.value}%`);
    updateSettings({ volume: Number(volume.value) });
  });
  volume.addEventListener('change', () => play(['good']));
  return [
    h('div', { class: 'choice' }, toggle, h('label', { for: 'setting-sound' }, 'Sound')),
    h('div', { class: 'volume-row' }, h('label', { for: 'setting-volume' }, 'Volume'), volume),
  ];
}
