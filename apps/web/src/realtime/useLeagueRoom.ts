import type { LeagueMember } from '@auction/contracts';
import { useEffect, useRef, useState } from 'react';
import { getSocket } from './socket';

interface LeagueRoomHandlers {
  onMemberJoined?: (member: LeagueMember) => void;
  onMemberLeft?: (userId: string) => void;
  onAuctionStarted?: (auctionId: string) => void;
  onLeaderboardUpdated?: () => void;
}

/** Join a league's lobby: who is online, who joined, and when the auction starts. */
export function useLeagueRoom(leagueId: string | undefined, handlers: LeagueRoomHandlers = {}) {
  const [online, setOnline] = useState<ReadonlySet<string>>(new Set());
  const [startedAuctionId, setStartedAuctionId] = useState<string | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    if (!leagueId) return;
    const socket = getSocket();
    let disposed = false;

    const join = () => {
      socket
        .timeout(8000)
        .emitWithAck('league:join', { leagueId })
        .then(
          (answer) => {
            if (!disposed && answer.ok) setOnline(new Set(answer.online));
          },
          () => undefined, // the next reconnect joins again
        );
    };
    const onPresence = (p: { leagueId: string; online: string[] }) => {
      if (p.leagueId === leagueId) setOnline(new Set(p.online));
    };
    const onJoined = (p: { leagueId: string; member: LeagueMember }) => {
      if (p.leagueId === leagueId) handlersRef.current.onMemberJoined?.(p.member);
    };
    const onLeft = (p: { leagueId: string; userId: string }) => {
      if (p.leagueId === leagueId) handlersRef.current.onMemberLeft?.(p.userId);
    };
    const onStarted = (p: { leagueId: string; auctionId: string }) => {
      if (p.leagueId !== leagueId) return;
      setStartedAuctionId(p.auctionId);
      handlersRef.current.onAuctionStarted?.(p.auctionId);
    };
    const onLeaderboard = (p: { leagueId: string }) => {
      if (p.leagueId === leagueId) handlersRef.current.onLeaderboardUpdated?.();
    };

    socket.on('connect', join);
    socket.on('league:presence', onPresence);
    socket.on('league:member_joined', onJoined);
    socket.on('league:member_left', onLeft);
    socket.on('auction:started', onStarted);
    socket.on('leaderboard:updated', onLeaderboard);
    if (socket.connected) join();

    return () => {
      disposed = true;
      socket.off('connect', join);
      socket.off('league:presence', onPresence);
      socket.off('league:member_joined', onJoined);
      socket.off('league:member_left', onLeft);
      socket.off('auction:started', onStarted);
      socket.off('leaderboard:updated', onLeaderboard);
      if (socket.connected) socket.emit('league:leave', { leagueId });
    };
  }, [leagueId]);

  return { online, startedAuctionId };
}
