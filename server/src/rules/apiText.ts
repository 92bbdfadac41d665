import type { ContainerModel } from './types';

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Message data naming a container: `container` mid-sentence, `Container` to start a sentence. */
export function containerNames(container: ContainerModel): { container: string; Container: string } {
  return { container: container.label, Container: capitalize(container.label) };
}
