/**
 * One entry point for images that reach the app from outside the page: files the OS opens
 * with the installed app (launchQueue) and images shared to it (share target).
 */
import { onLaunchFiles } from './launch-files';
import { consumeSharedFiles } from './shared-files';

/** Hands every launched or shared image to `addFiles` (e.g. the jobs store's `addFiles`). */
export function receiveIncomingFiles(addFiles: (files: File[]) => void): void {
  onLaunchFiles(addFiles);
  void consumeSharedFiles().then((files) => {
    if (files.length > 0) addFiles(files);
  });
}
