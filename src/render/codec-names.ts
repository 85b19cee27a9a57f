import type { CodecName } from '../model/types.js';

/** Asterisk's codec names for `allow=` (chan_sip and chan_pjsip share them). */
export const ASTERISK_CODECS: Record<CodecName, string> = {
  PCMA: 'alaw',
  PCMU: 'ulaw',
  G729: 'g729',
  G722: 'g722',
  iLBC: 'ilbc',
  speex16: 'speex16',
};

/**
 * FreeSWITCH's codec strings: iLBC at 30 ms frames (the carrier's iLBC mode) and wide-band
 * Speex at 16 kHz.
 */
export const FREESWITCH_CODECS: Record<CodecName, string> = {
  PCMA: 'PCMA',
  PCMU: 'PCMU',
  G729: 'G729',
  G722: 'G722',
  iLBC: 'iLBC@30i',
  speex16: 'speex@16000h',
};
