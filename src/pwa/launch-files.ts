/**
 * Files the OS opens with the installed app (manifest `file_handlers`) arrive through
 * `window.launchQueue`. Feature-detected: browsers without it simply never call back.
 */

interface FileHandleLike {
  kind?: string;
  getFile(): Promise<File>;
}
interface LaunchParamsLike {
  files?: readonly FileHandleLike[];
}
interface LaunchQueueLike {
  setConsumer(consumer: (params: LaunchParamsLike) => void): void;
}

/** Calls `onFiles` with the files of each launch; returns false when launches carry no files. */
export function onLaunchFiles(onFiles: (files: File[]) => void): boolean {
  const queue = (globalThis as { launchQueue?: LaunchQueueLike }).launchQueue;
  if (!queue) return false;
  queue.setConsumer((params) => {
    const handles = (params.files ?? []).filter((handle) => handle.kind !== 'directory');
    if (handles.length === 0) return;
    void Promise.all(handles.map((handle) => handle.getFile())).then(onFiles);
  });
  return true;
}
