/** The parts of `navigator` that carry the user's privacy signals. */
export interface PrivacySignalSource {
  doNotTrack?: string | null;
  globalPrivacyControl?: boolean;
}

/** True when Do-Not-Track or Global Privacy Control asks not to be tracked. */
export function privacySignalSet(source: PrivacySignalSource | undefined): boolean {
  if (!source) return false;
  return (
    source.globalPrivacyControl === true || source.doNotTrack === '1' || source.doNotTrack === 'yes'
  );
}
